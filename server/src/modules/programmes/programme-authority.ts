// The facts the authority rule (domain/cases/authority.ts) needs, read from the registry: the deciding
// body as registered, and the subject (an organisation, or a member with the committees they sit on).
import type { BodyType } from '../../../../common/cases.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { Tx } from '../../db/context.ts';
import { type BodyOrg, type DecidingBody, mayRun, type Subject } from '../../domain/cases/authority.ts';
import * as repo from './programmes.repository.ts';

/**
 * Whether this body can exist in this organisation (Điều lệ Đảng, Điều 24, 31), as mayRun judges it: the
 * rule is asked about work every body may do (regular supervision) on a subject it surely reaches, so
 * that the only refusal left is the body's own.
 */
export async function bodyProblem(tx: Tx, type: BodyType, org: repo.OrgRow): Promise<string | null> {
  const body = await decidingBody(tx, type, org);
  const subject: Subject =
    type === 'cell' ? { type: 'member', orgPath: org.path } : { type: 'org', org: { kind: 'cell', path: `${org.path}.x` } };
  const verdict = mayRun('supervision.regular', body, subject);
  return verdict.allowed ? null : verdict.reason;
}

export async function decidingBody(tx: Tx, type: BodyType, org: repo.OrgRow): Promise<DecidingBody> {
  const base: BodyOrg = {
    kind: org.kind as OrgKind,
    level: org.level,
    path: org.path,
    hasCommittee: org.has_committee,
    hasInspectionCommittee: org.has_inspection_committee,
  };
  // Only a chi bộ's size and chi ủy matter to the rule (thematic supervision by a chi bộ).
  if (type !== 'cell') return { type, org: base };
  return { type, org: { ...base, ...(await repo.cellFacts(tx, org.id)) } };
}
