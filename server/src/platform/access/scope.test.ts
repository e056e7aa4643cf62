import { describe, expect, it } from 'vitest';
import { type Actor, scopePaths } from './actor.ts';
import { assertVisible, inScope, requireScope } from './scope.ts';

function actor(roles: Actor['roles'], clearance = 0): Actor {
  return {
    kind: 'user',
    userId: 'u',
    username: 'u',
    fullName: 'U',
    clearance,
    roles,
    orgPath: null,
    tokenScopes: null,
    sessionId: null,
    requestId: null,
  };
}
const grant = (role: Actor['roles'][number]['role'], orgPath: string) => ({ role, orgPath, orgId: orgPath, orgName: orgPath });

describe('scope from role assignments on subtrees', () => {
  it('collects the subtrees of the roles granting a permission, without nested duplicates', () => {
    const a = actor([grant('viewer', 'TW.T01.X00004'), grant('admin', 'TW.T01'), grant('viewer', 'TW.T01')]);
    expect(scopePaths(a, 'org.read')).toEqual(['TW.T01']);
    expect(scopePaths(a, 'org.write')).toEqual(['TW.T01']);
    expect(scopePaths(a, 'audit.read')).toEqual([]);
  });

  it('treats a subtree as recursive but not as a prefix of a sibling code', () => {
    const s = requireScope(actor([grant('viewer', 'TW.T01')]), 'org.read');
    expect(inScope(s, 'TW.T01.X00004.CB1')).toBe(true);
    expect(inScope(s, 'TW.T010')).toBe(false);
    expect(inScope(s, 'TW')).toBe(false);
  });

  it('refuses an actor without the permission, and hides records above the clearance', () => {
    expect(() => requireScope(actor([grant('viewer', 'TW')]), 'user.manage')).toThrow(/quyền/);
    const s = requireScope(actor([grant('viewer', 'TW')], 1), 'org.read');
    expect(() => assertVisible(s, { path: 'TW.T01', secrecy: 2 })).toThrow(/không tồn tại/);
    expect(() => assertVisible(s, { path: 'TW.T01', secrecy: 1 })).not.toThrow();
  });
});
