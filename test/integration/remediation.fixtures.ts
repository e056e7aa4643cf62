// Cases, steps, teams and remediation items written directly in the system scope, as the cases
// module's conclusion would leave them, so that remediation and reminders are tested on their own.
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import type { AppContext } from '../../server/src/platform/app-context.ts';
import { orgByCode, type Session } from '../helpers/factories.ts';

let caseSeq = 0;

export async function addCell(ctx: AppContext, code: string, name: string, parentCode: string): Promise<{ id: string; path: string }> {
  const parent = await orgByCode(ctx, parentCode);
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insertInto('org_unit')
      .values({
        parent_id: parent.id,
        code,
        name,
        kind: 'grassroots',
        path: `${parent.path}.${code}`,
        province_code: parent.province_code,
        valid_from: null,
      })
      .returning(['id', 'path'])
      .executeTakeFirstOrThrow(),
  );
}

export interface CaseOpts {
  bodyCode: string;
  subject: { id: string; path: string; name: string };
  createdBy?: string | null;
  secrecy?: number;
  step?: string;
  status?: string;
}

export async function addCase(ctx: AppContext, o: CaseOpts): Promise<{ id: string; scopePath: string; code: string }> {
  const body = await orgByCode(ctx, o.bodyCode);
  caseSeq += 1;
  const code = `KT-2026-${String(caseSeq).padStart(3, '0')}`;
  const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insertInto('inspection_case')
      .values({
        body_org_id: body.id,
        body_type: 'ubkt',
        scope_path: body.path,
        province_code: body.province_code,
        year: 2026,
        seq: caseSeq,
        code,
        kind: 'inspection.signs',
        subject_org_id: o.subject.id,
        subject_path: o.subject.path,
        subject_name: o.subject.name,
        topic: 'Việc quản lý, sử dụng đất công',
        step: o.step ?? 'remediation',
        status: o.status ?? 'open',
        secrecy: o.secrecy ?? 0,
        created_by: o.createdBy ?? null,
      })
      .returning(['id', 'scope_path'])
      .executeTakeFirstOrThrow(),
  );
  return { id: row.id, scopePath: row.scope_path, code };
}

export interface ItemOpts {
  seq?: number;
  dueOn: string;
  ownerUserId?: string | null;
  ownerName?: string;
  requirement?: string;
  secrecy?: number;
}

export async function addItem(ctx: AppContext, c: { id: string; scopePath: string }, o: ItemOpts): Promise<string> {
  const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const last = await tx
      .selectFrom('remediation_item')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    return tx
      .insertInto('remediation_item')
      .values({
        case_id: c.id,
        scope_path: c.scopePath,
        seq: o.seq ?? Number(last?.m ?? 0) + 1,
        requirement: o.requirement ?? 'Thu hồi diện tích đất giao sai thẩm quyền, báo cáo kết quả bằng văn bản',
        owner_user_id: o.ownerUserId ?? null,
        owner_name: o.ownerName ?? 'Đồng chí Bí thư chi bộ',
        due_on: o.dueOn,
        secrecy: o.secrecy ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  return row.id;
}

export async function addStep(ctx: AppContext, c: { id: string; scopePath: string }, step: string, dueOn: string): Promise<string> {
  const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insertInto('case_step')
      .values({ case_id: c.id, scope_path: c.scopePath, step, started_on: '2026-01-05', due_on: dueOn })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

export async function addTeamMember(ctx: AppContext, c: { id: string; scopePath: string }, userId: string, role: string) {
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insertInto('case_team_member')
      .values({ case_id: c.id, scope_path: c.scopePath, user_id: userId, full_name: 'Thành viên đoàn', role })
      .execute(),
  );
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export function uploadFile(
  app: FastifyInstance,
  s: Session,
  url: string,
  fileName: string,
  data: Buffer,
  fields: Record<string, string> = {},
) {
  const boundary = `----ktgs${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}
