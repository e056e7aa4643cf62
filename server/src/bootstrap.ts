// First start: the real upper tree (Trung ương, 34 provinces, 3,321 communes of 1/7/2025) and the
// first administrator with a random one-time password, who must change it and enrol 2FA.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './db/connection.ts';
import { inTransaction, type Tx } from './db/context.ts';
import { systemActor } from './platform/access/actor.ts';
import { SYSTEM_SCOPE } from './platform/access/scope.ts';
import { appendAudit, ROOT_PATH } from './platform/audit/audit.ts';
import { generateOneTimePassword, hashPassword } from './platform/auth/passwords.ts';

interface AdminUnits {
  provinces: { code: string; name: string; fullName: string; communes: { code: string; name: string }[] }[];
}

export const ADMIN_UNITS_FILE = path.resolve(import.meta.dirname, '../data/admin-units-2025.json');
export const FIRST_ADMIN = 'quantri';

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** Loads the upper tree if the database has none. Returns the number of units created. */
export async function ensureOrgTree(database: Database): Promise<number> {
  return inTransaction(database.db, SYSTEM_SCOPE, async (tx) => {
    const any = await tx.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
    if (any) return 0;
    const data = JSON.parse(fs.readFileSync(ADMIN_UNITS_FILE, 'utf8')) as AdminUnits;
    const root = await tx
      .insertInto('org_unit')
      .values({
        code: ROOT_PATH,
        name: 'Trung ương',
        kind: 'central',
        path: ROOT_PATH,
        province_code: null,
        has_committee: true,
        has_inspection_committee: true,
        parent_id: null,
        valid_from: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let count = 1;
    for (const p of data.provinces) {
      const pcode = `T${p.code}`;
      const prov = await tx
        .insertInto('org_unit')
        .values({
          parent_id: root.id,
          code: pcode,
          name: `Đảng bộ ${lowerFirst(p.fullName.normalize('NFC'))}`,
          kind: 'province',
          path: `${ROOT_PATH}.${pcode}`,
          province_code: p.code,
          has_committee: true,
          has_inspection_committee: true,
          valid_from: '2025-07-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = p.communes.map((c) => ({
        parent_id: prov.id,
        code: `X${c.code}`,
        name: `Đảng bộ ${lowerFirst(c.name.normalize('NFC'))}`,
        kind: 'commune',
        path: `${ROOT_PATH}.${pcode}.X${c.code}`,
        province_code: p.code,
        has_committee: true,
        has_inspection_committee: true,
        valid_from: '2025-07-01',
      }));
      for (let i = 0; i < rows.length; i += 500)
        await tx
          .insertInto('org_unit')
          .values(rows.slice(i, i + 500))
          .execute();
      count += 1 + rows.length;
    }
    await appendAudit(tx, systemActor(), {
      action: 'system.bootstrap',
      entityType: 'org_unit',
      entityId: root.id,
      scopePath: ROOT_PATH,
      detail: { orgUnits: count, source: 'admin-units-2025.json' },
    });
    return count;
  });
}

/** Creates the first administrator if there is no user at all; returns the one-time password then. */
export async function ensureFirstAdmin(database: Database): Promise<{ username: string; password: string } | null> {
  const anyUser = (tx: Tx) => tx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  // Every start comes here: hash a password (argon2id, deliberately slow) only when one is needed.
  if (await inTransaction(database.db, SYSTEM_SCOPE, anyUser)) return null;
  const password = generateOneTimePassword();
  const hash = await hashPassword(password);
  return inTransaction(database.db, SYSTEM_SCOPE, async (tx) => {
    if (await anyUser(tx)) return null;
    const root = await tx.selectFrom('org_unit').select(['id', 'path']).where('path', '=', ROOT_PATH).executeTakeFirstOrThrow();
    const user = await tx
      .insertInto('app_user')
      .values({
        username: FIRST_ADMIN,
        full_name: 'Quản trị hệ thống',
        email: null,
        org_id: root.id,
        org_path: root.path,
        password_hash: hash,
        clearance: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('role_assignment').values({ user_id: user.id, role: 'admin', org_id: root.id }).execute();
    await appendAudit(tx, systemActor(), {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      scopePath: ROOT_PATH,
      detail: { username: FIRST_ADMIN, firstAdmin: true },
    });
    return { username: FIRST_ADMIN, password };
  });
}
