// Operator commands, shared by the CLI (run locally) and the control socket (run inside the server
// that holds the embedded database). Each acts as the system, and each write is audited.

import { todayInVietnam } from '../../../common/dates.ts';
import type { Role } from '../../../common/roles.ts';
import { inTransaction } from '../db/context.ts';
import { findUserByUsername, rolesOf } from '../modules/auth/auth.repository.ts';
import { actorOf } from '../modules/auth/auth.service.ts';
import { TokenService } from '../modules/auth/tokens.service.ts';
import { importFile } from '../modules/imports/imports.service.ts';
import { IMPORT_KINDS, type ImportKind } from '../modules/imports/templates.ts';
import { runReminders, warnDaysFromEnv } from '../modules/notifications/reminders.ts';
import { UserService } from '../modules/users/users.service.ts';
import { systemActor } from '../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../platform/access/scope.ts';
import type { AppContext } from '../platform/app-context.ts';
import { appendAudit, verifyChain } from '../platform/audit/audit.ts';
import { AppError } from '../platform/errors.ts';
import { restoreBackup, writeBackup } from './backup.ts';
import { rotateDataKeys } from './rekey.ts';

const CLI = 'Dòng lệnh ktgs';

export interface UserCreateArgs {
  username: string;
  fullName: string;
  role: Role;
  org: string;
  clearance: number;
  email?: string | null;
}

export async function userCreate(ctx: AppContext, a: UserCreateArgs) {
  const org = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx.selectFrom('org_unit').select('id').where('code', '=', a.org).executeTakeFirst(),
  );
  if (!org) throw new AppError('validation', `Không có tổ chức mã "${a.org}".`, { org: 'Không có tổ chức này' });
  const users = new UserService(ctx);
  const { user, oneTimePassword } = await users.create(systemActor(null, CLI), {
    username: a.username,
    fullName: a.fullName,
    email: a.email ?? null,
    clearance: a.clearance as 0,
    roles: [{ role: a.role, orgId: org.id }],
  });
  return { id: user.id, username: user.username, oneTimePassword };
}

async function userIdByName(ctx: AppContext, username: string) {
  const u = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => findUserByUsername(tx, username.toLowerCase()));
  if (!u) throw new AppError('not_found', `Không có người dùng "${username}".`);
  return u;
}

export async function userResetPassword(ctx: AppContext, username: string) {
  const u = await userIdByName(ctx, username);
  const r = await new UserService(ctx).resetPassword(systemActor(null, CLI), u.id);
  return { username: u.username, oneTimePassword: r.oneTimePassword };
}

export async function tokenCreate(ctx: AppContext, a: { username: string; name: string; scopes: string[]; days: number }) {
  const u = await userIdByName(ctx, a.username);
  const roles = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => rolesOf(tx, u.id));
  const owner = actorOf(u, roles, null);
  const r = await new TokenService(ctx).create(owner, { name: a.name, scopes: a.scopes, expiresInDays: a.days });
  return { token: r.token, id: r.item.id, scopes: r.item.scopes, expiresAt: r.item.expiresAt, username: u.username };
}

export async function auditVerify(ctx: AppContext) {
  const result = await verifyChain(ctx.database.db);
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    appendAudit(tx, systemActor(null, CLI), {
      action: 'audit.verify',
      detail: { ok: result.ok, checked: result.checked, firstBroken: result.firstBroken?.seq ?? null },
    }),
  );
  return result;
}

/** A backup reads everything, confidential fields included: it is audited like a confidential read. */
export async function backupTo(ctx: AppContext, out: (chunk: string) => Promise<void> | void) {
  const result = await writeBackup(ctx.database, out);
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    appendAudit(tx, systemActor(null, CLI), { action: 'backup.create', detail: { tables: result.tables } }),
  );
  return result;
}

/** Restores, then records the restore at the end of the restored chain. */
export async function restoreFrom(ctx: AppContext, input: AsyncIterable<string> | string) {
  const result = await restoreBackup(ctx.database, input);
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    appendAudit(tx, systemActor(null, CLI), { action: 'backup.restore', detail: { tables: result.tables } }),
  );
  return result;
}

/** `ktgs import <kind> <file>`: the same all-or-nothing import as the web page, as the system. */
export async function importCommand(ctx: AppContext, kind: string, file: string) {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new AppError('validation', `Loại dữ liệu nhập không hợp lệ: "${kind}" (chọn ${IMPORT_KINDS.join(', ')}).`);
  }
  return importFile(ctx, systemActor(null, CLI), kind as ImportKind, file);
}

/** `ktgs reminders run [--date]`: the reminder job once, for today (Vietnam) or a given day. */
export async function remindersRun(ctx: AppContext, a: { date?: string | null }) {
  const date = a.date ?? todayInVietnam();
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
  ) {
    throw new AppError('validation', `Ngày không hợp lệ: "${date}" (dạng YYYY-MM-DD).`, { date: 'Ngày không hợp lệ' });
  }
  return runReminders(ctx, date, { warnDays: warnDaysFromEnv(), actorLabel: CLI });
}

/** `ktgs keys rotate [--new-key]`: re-encrypts every encrypted column under the current data key. */
export async function keysRotate(ctx: AppContext, a: { newKey?: boolean; batchSize?: number }) {
  return rotateDataKeys(ctx, { newKey: a.newKey === true, batchSize: a.batchSize, actorLabel: CLI });
}
