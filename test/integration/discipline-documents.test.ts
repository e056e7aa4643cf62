// Issue #5 point 3: the discipline decision generated as DOCX in the Party's format (Hướng dẫn
// 36-HD/VPTW), numbered on the issuing body's yearly "QĐ" sequence shared with case decisions, kept on
// regeneration, downloaded as an attachment, within scope and clearance, audited.
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let leader: Session;
let officer: Session;
let committee: Session;
let viewer: Session;
let other: Session;
let cleared: Session;
let commune: { id: string; path: string };
let cell: { id: string; path: string };
let memberId: string;
let seq = 0;

/** A decided matter as engineer B's module records it: matter, violations, meeting, decision. */
async function decidedMatter(
  opts: { form?: string; decidedOn?: string; secrecy?: number; bodyType?: string; withMeeting?: boolean } = {},
): Promise<string> {
  seq += 1;
  const decidedOn = opts.decidedOn ?? '2026-03-06';
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const m = await tx
      .insertInto('discipline_matter')
      .values({
        body_org_id: commune.id,
        body_type: opts.bodyType ?? 'ubkt',
        scope_path: commune.path,
        province_code: '40',
        year: 2026,
        seq,
        code: `KL-2026-${String(seq).padStart(3, '0')}`,
        source: 'court',
        source_ref: 'Bản án số 12/2026/HS-ST ngày 10/01/2026 của Tòa án nhân dân khu vực 5',
        subject_member_id: memberId,
        subject_path: cell.path,
        subject_name: 'Nguyễn Văn Đức',
        status: 'decided',
        mitigating: ['honest'],
        aggravating: [],
        secrecy: opts.secrecy ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('discipline_violation')
      .values({
        matter_id: m.id,
        scope_path: commune.path,
        seq: 1,
        occurred_on: '2025-06-01',
        description: 'Sử dụng xe công vào việc riêng',
        rule_violated: 'Quy định 37-QĐ/TW',
        deserved_form: opts.form ?? 'warning',
      })
      .execute();
    const meeting =
      opts.withMeeting === false
        ? null
        : await tx
            .insertInto('discipline_meeting')
            .values({
              matter_id: m.id,
              scope_path: commune.path,
              held_on: '2026-03-05',
              official_members: 7,
              present: 6,
              ballots: JSON.stringify([{ form: opts.form ?? 'warning', votes: 4 }]),
              outcome_form: opts.form ?? 'warning',
              outcome_explanation: 'Cảnh cáo đạt 4/7 phiếu, hơn một nửa số thành viên chính thức.',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
    const d = await tx
      .insertInto('discipline_decision')
      .values({
        matter_id: m.id,
        meeting_id: meeting?.id ?? null,
        scope_path: commune.path,
        subject_member_id: memberId,
        form: opts.form ?? 'warning',
        decided_on: decidedOn,
        secrecy: opts.secrecy ?? 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return d.id;
  });
}

const generate = (id: string, as: Session = officer, payload: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/discipline/decisions/${id}/document`, headers: as.headers, payload });
const download = (id: string, as: Session = officer) =>
  app.inject({ method: 'GET', url: `/api/v1/discipline/decisions/${id}/document`, headers: as.headers });

async function documentText(id: string, as: Session = officer): Promise<string> {
  const res = await download(id, as);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  const c = await orgByCode(ctx, 'X17662');
  commune = { id: c.id, path: c.path };
  cell = await addOrg(ctx, 'DL_KL01', 'Chi bộ Xóm 1', 'X17662');
  leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }], totp: true }));
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  committee = await login(app, await createUser(ctx, { roles: [{ role: 'committee_member', orgCode: 'X17662' }], totp: true }));
  viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'X17662' }] }));
  other = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T01' }], totp: true }));
  cleared = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true, clearance: 1 }));
  memberId = await addMember(app, officer, cell.id, { fullName: 'Nguyễn Văn Đức', gender: 'male', birthDate: '1978-04-12' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('generating the decision on discipline', () => {
  it('numbers it on the body’s QĐ sequence and writes the subject, form, number and date line', async () => {
    const id = await decidedMatter();
    const res = await generate(id);
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({ decisionId: id, number: 1, numberText: '1-QĐ/UBKTĐU', revision: 1, issuedOn: '2026-03-06' });
    expect(doc.title).toBe('Quyết định về việc thi hành kỷ luật đối với đồng chí Nguyễn Văn Đức');
    const text = await documentText(id);
    expect(text).toContain('Số 1-QĐ/UBKTĐU');
    expect(text).toContain('Đô Lương, ngày 06 tháng 3 năm 2026');
    expect(text).toContain('về việc thi hành kỷ luật đối với đồng chí Nguyễn Văn Đức');
    expect(text).toContain('Thi hành kỷ luật bằng hình thức CẢNH CÁO đối với đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1.');
    expect(text).toContain('tổng số thành viên chính thức 7, có mặt 6; 4 phiếu cảnh cáo;');
    expect(text).toContain('Quy định số 69-QĐ/TW');
    expect(text).toContain('Tình tiết giảm nhẹ: thành khẩn kiểm điểm, nhận khuyết điểm.');
    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select(['action']).where('entity_id', '=', id).execute(),
    );
    expect(audit.map((a) => a.action)).toContain('discipline_document.generate');
  });

  it('keeps the number on regeneration and adds a revision; the version moves on', async () => {
    const id = await decidedMatter();
    const first = (await generate(id)).json();
    const again = await generate(id, leader, { issuedOn: '2026-03-09' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ numberText: first.numberText, revision: 2, issuedOn: '2026-03-09', version: first.version + 1 });
    expect(await documentText(id)).toContain('Đô Lương, ngày 09 tháng 3 năm 2026');
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('discipline_decision').select(['number_text', 'revision', 'file_id']).where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ number_text: first.numberText, revision: 2 });
  });

  it('shares one yearly sequence with the case decisions of the same body (counter key QĐ/UBKTĐU)', async () => {
    // Case decisions of the commune's UBKT in 2027 have reached number 5 (documents.repository.ts keys the counter so).
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .insertInto('doc_counter')
        .values({ issuer_org_id: commune.id, year: 2027, symbol: 'QĐ/UBKTĐU', scope_path: commune.path, last_no: 5 })
        .execute(),
    );
    const id = await decidedMatter({ decidedOn: '2027-01-04' });
    expect((await generate(id)).json().numberText).toBe('6-QĐ/UBKTĐU');
    const next = await decidedMatter({ decidedOn: '2027-01-05' });
    expect((await generate(next)).json().numberText).toBe('7-QĐ/UBKTĐU');
  });

  it('a committee member, who decides, may generate it; a viewer may not read it', async () => {
    const id = await decidedMatter({ form: 'reprimand', withMeeting: false });
    const res = await generate(id, committee);
    expect(res.statusCode).toBe(200);
    expect(await documentText(id, committee)).toContain('bằng hình thức KHIỂN TRÁCH');
    expect((await download(id, viewer)).statusCode).toBe(403);
    expect((await generate(id, viewer)).statusCode).toBe(403);
  });

  it('is not found outside the scope, or above the clearance; the marked download is audited', async () => {
    const id = await decidedMatter();
    expect((await generate(id, other)).statusCode).toBe(404);
    const marked = await decidedMatter({ secrecy: 1 });
    expect((await generate(marked, officer)).statusCode).toBe(404);
    const res = await generate(marked, cleared);
    expect(res.statusCode).toBe(200);
    expect(await documentText(marked, cleared)).toContain('MẬT');
    expect((await download(marked, officer)).statusCode).toBe(404);
    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select(['action']).where('entity_id', '=', marked).execute(),
    );
    expect(audit.map((a) => a.action)).toContain('discipline_document.download');
  });

  it('refuses a date line before the decision, and says when nothing was generated yet', async () => {
    const id = await decidedMatter();
    const early = await generate(id, officer, { issuedOn: '2026-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.issuedOn).toContain('không được trước ngày quyết định');
    const none = await download(id);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('chưa được tạo');
  });

  it('refuses a decision annulled on complaint (Quy định 117-QĐ/TW: annulled, not reissued)', async () => {
    const id = await decidedMatter();
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.updateTable('discipline_decision').set({ status: 'annulled' }).where('id', '=', id).execute(),
    );
    const res = await generate(id);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('xóa bỏ');
  });
});
