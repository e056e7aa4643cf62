// Shared set-up of the cases tests: organisations and members made the way the application makes them,
// and multipart uploads for app.inject.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import type { AppContext } from '../../server/src/platform/app-context.ts';
import { orgByCode, type Session } from '../helpers/factories.ts';

export async function addOrg(ctx: AppContext, code: string, name: string, parentCode: string, kind = 'grassroots') {
  const parent = await orgByCode(ctx, parentCode);
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insertInto('org_unit')
      .values({
        parent_id: parent.id,
        code,
        name,
        kind,
        path: `${parent.path}.${code}`,
        province_code: parent.province_code,
        valid_from: null,
      })
      .returning(['id', 'path'])
      .executeTakeFirstOrThrow(),
  );
}

export async function addMember(app: FastifyInstance, as: Session, orgId: string, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/members', headers: as.headers, payload: { orgId, ...body } });
  if (res.statusCode !== 200) throw new Error(`member: ${res.body}`);
  return res.json().id;
}

export async function addRelative(app: FastifyInstance, as: Session, memberId: string, body: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: `/api/v1/members/${memberId}/relatives`, headers: as.headers, payload: body });
  if (res.statusCode !== 200) throw new Error(`relative: ${res.body}`);
}

/** A minimal PDF (file-type recognises it by its header). */
export function pdf(text: string): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
}

/** A multipart/form-data body with text fields and one file in the field `file`. */
export function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type?: string }) {
  const boundary = `----ktgs${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(
  app: FastifyInstance,
  as: Session,
  url: string,
  fields: Record<string, string>,
  file: { name: string; data: Buffer },
) {
  const m = multipart(fields, file);
  return app.inject({ method: 'POST', url, headers: { ...as.headers, 'content-type': m.contentType }, payload: m.payload });
}
