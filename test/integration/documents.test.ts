// Issue #4 point 4: a case's documents generated as DOCX in the Party's format (domain.md §3;
// Hướng dẫn 36-HD/VPTW), numbered per issuing body, year and symbol, regenerated as revisions, with
// the signed scan filed back; scope, clearance and audit as everywhere.
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let viewer: Session;
let other: Session;
let cleared: Session;
let commune: { id: string; path: string; province_code: string | null };
let cell: { id: string; path: string };
let memberId: string;
let seq = 0;
let decisionOfAnotherCase: string;

async function addCell(code: string, name: string) {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insertInto('org_unit')
      .values({
        parent_id: commune.id,
        code,
        name,
        kind: 'grassroots',
        path: `${commune.path}.${code}`,
        province_code: commune.province_code,
        valid_from: null,
      })
      .returning(['id', 'path'])
      .executeTakeFirstOrThrow(),
  );
}

/** A case of the commune's inspection committee, inserted as the case module stores it. */
async function addCase(over: Record<string, unknown> = {}) {
  seq += 1;
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const c = await tx
      .insertInto('inspection_case')
      .values({
        body_org_id: commune.id,
        body_type: 'ubkt',
        scope_path: commune.path,
        province_code: commune.province_code,
        year: 2025,
        // Far above the numbers the cases API draws for the same body and year.
        seq: 1000 + seq,
        code: `KT-2025-${String(seq).padStart(3, '0')}`,
        kind: 'inspection.signs',
        subject_member_id: memberId,
        subject_path: cell.path,
        subject_name: 'Nguyễn Văn Đức',
        topic: 'Việc chấp hành quy định về quản lý đất đai tại xóm',
        grounds: 'Đơn phản ánh việc xác nhận nguồn gốc đất trái quy định',
        step: 'decision',
        decided_on: '2025-11-11',
        limit_days: 90,
        due_on: '2026-02-09',
        ...over,
      })
      .returning(['id', 'scope_path'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('case_step')
      .values({ case_id: c.id, scope_path: c.scope_path, step: 'decision', started_on: '2025-11-11' })
      .execute();
    await tx
      .insertInto('case_team_member')
      .values([
        { case_id: c.id, scope_path: c.scope_path, full_name: 'Lê Văn Hải', position: 'Phó Chủ nhiệm Ủy ban Kiểm tra', role: 'leader' },
        { case_id: c.id, scope_path: c.scope_path, full_name: 'Trần Thị Lan', position: 'Ủy viên Ủy ban Kiểm tra', role: 'member' },
      ])
      .execute();
    return c.id;
  });
}

const generate = (caseId: string, docType: string, as: Session = officer, issuedOn?: string) =>
  app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/documents`, headers: as.headers, payload: { docType, issuedOn } });

async function documentXml(docId: string, as: Session = officer): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/case-documents/${docId}/file`, headers: as.headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  const zip = await JSZip.loadAsync(res.rawPayload);
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

function multipart(file: { name: string; data: Buffer }) {
  const boundary = `----ktgs${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
const uploadSigned = (docId: string, file: { name: string; data: Buffer }, as: Session = officer) => {
  const m = multipart(file);
  return app.inject({
    method: 'POST',
    url: `/api/v1/case-documents/${docId}/signed`,
    headers: { ...as.headers, 'content-type': m.contentType },
    payload: m.payload,
  });
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  const x = await orgByCode(ctx, 'X17662');
  commune = { id: x.id, path: x.path, province_code: x.province_code };
  cell = await addCell('DLD_CB01', 'Chi bộ Xóm 1');
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  viewer = await login(app, await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'X17662' }] }));
  other = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'T01' }], totp: true }));
  cleared = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true, clearance: 1 }));
  const m = await app.inject({
    method: 'POST',
    url: '/api/v1/members',
    headers: officer.headers,
    payload: { orgId: cell.id, fullName: 'Nguyễn Văn Đức', gender: 'male', birthDate: '1978-04-12', cccd: '040078001234' },
  });
  expect(m.statusCode).toBe(200);
  memberId = m.json().id;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('generating documents in the Party format', () => {
  let caseId: string;
  let decisionId: string;

  it('generates the decision with its number, heading, date line and the case subject (Hướng dẫn 36-HD/VPTW)', async () => {
    caseId = await addCase();
    const res = await generate(caseId, 'decision');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc).toMatchObject({ docType: 'decision', revision: 1, number: 1, numberText: '1-QĐ/UBKTĐU', year: 2025, signed: null });
    decisionId = doc.id;
    decisionOfAnotherCase = doc.id;
    const xml = await documentXml(decisionId);
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('ĐẢNG ỦY XÃ ĐÔ LƯƠNG');
    expect(xml).toContain('ỦY BAN KIỂM TRA');
    expect(xml).toContain('Số 1-QĐ/UBKTĐU');
    // The date of the decision, as recorded on the case (domain.md §3: place-and-date line).
    expect(xml).toContain('Đô Lương, ngày 11 tháng 11 năm 2025');
    expect(xml).toContain('Nguyễn Văn Đức');
    expect(xml).toContain('Lê Văn Hải');
    expect(xml).toContain('Times New Roman');
    expect(xml).toContain('T/M ỦY BAN KIỂM TRA');
    // A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; body 14 pt (28 half-points).
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:sz w:val="28"/>');
    // Page numbers from the second page on: a distinct (empty) first-page header.
    expect(xml).toContain('<w:titlePg');
  });

  it('regenerating keeps the number and adds revision 2; every revision stays downloadable', async () => {
    const res = await generate(caseId, 'decision', officer, '2025-11-12');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revision: 2, number: 1, numberText: '1-QĐ/UBKTĐU' });
    expect(await documentXml(res.json().id)).toContain('Đô Lương, ngày 12 tháng 11 năm 2025');
    expect(await documentXml(decisionId)).toContain('ngày 11 tháng 11 năm 2025');
    const list = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/documents`, headers: viewer.headers });
    expect(list.statusCode).toBe(200);
    const slot = list.json().items.find((s: { docType: string }) => s.docType === 'decision');
    expect(slot.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('numbers per issuing body, year and symbol: the second case decision is number 2, its plan number 1', async () => {
    const second = await addCase({
      subject_member_id: null,
      subject_org_id: cell.id,
      subject_name: 'Chi bộ Xóm 1',
      kind: 'inspection.finance',
      grounds: null,
    });
    const d = await generate(second, 'decision');
    expect(d.json()).toMatchObject({ number: 2, numberText: '2-QĐ/UBKTĐU' });
    const plan = await generate(second, 'plan');
    expect(plan.json()).toMatchObject({ number: 1, numberText: '1-KH/UBKTĐU' });
    const planXml = await documentXml(plan.json().id);
    expect(planXml).toContain('Thực hiện Quyết định số 2-QĐ/UBKTĐU, ngày 11/11/2025');
    // The outline is an annex of the plan: unnumbered, naming the plan's number.
    const outline = await generate(second, 'outline');
    expect(outline.json()).toMatchObject({ number: null, numberText: null });
    expect(await documentXml(outline.json().id)).toContain('(Kèm theo Kế hoạch số 1-KH/UBKTĐU');
  });

  it('offers only documents of the kind and step reached, refusing others with the reason', async () => {
    const early = await generate(caseId, 'conclusion_notice');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.docType).toBe('Chưa có kết luận của cơ quan ra quyết định; thông báo chỉ lập sau khi đã kết luận.');
    const minutes = await generate(caseId, 'minutes_work');
    expect(minutes.statusCode).toBe(400);
    expect(minutes.json().error.message).toMatch(/chưa đến bước/);
    const list = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/documents`, headers: officer.headers });
    const items = list.json().items as { docType: string; available: boolean }[];
    expect(items.map((i) => i.docType)).toContain('minutes_meeting');
    expect(items.find((i) => i.docType === 'conclusion_notice')?.available).toBe(false);
  });

  it('generates the conclusion notice once the case has a conclusion, with findings and requirements', async () => {
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      await tx
        .updateTable('inspection_case')
        .set({
          step: 'notice',
          findings: 'Đồng chí đã ký xác nhận nguồn gốc đất khi chưa đủ hồ sơ.',
          violation_found: true,
          concluded_on: '2026-01-05',
        })
        .where('id', '=', caseId)
        .execute();
      await tx
        .insertInto('remediation_item')
        .values({
          case_id: caseId,
          scope_path: commune.path,
          seq: 1,
          requirement: 'Rà soát, hủy bỏ các văn bản xác nhận sai',
          owner_name: 'Đồng chí Nguyễn Văn Đức',
          due_on: '2026-03-31',
        })
        .execute();
    });
    const res = await generate(caseId, 'conclusion_notice', officer, '2026-01-06');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ numberText: '1-TB/UBKTĐU', year: 2026 });
    const xml = await documentXml(res.json().id);
    expect(xml).toContain('THÔNG BÁO');
    expect(xml).toContain('Số 1-TB/UBKTĐU');
    expect(xml).toContain('Đô Lương, ngày 06 tháng 01 năm 2026');
    expect(xml).toContain('kết luận kiểm tra khi có dấu hiệu vi phạm đối với đồng chí Nguyễn Văn Đức');
    expect(xml).toContain('Thực hiện Quyết định số 1-QĐ/UBKTĐU');
    expect(xml).toContain('Rà soát, hủy bỏ các văn bản xác nhận sai');
    expect(xml).toContain('31/03/2026');
    expect(xml).toContain('Lưu VT, hồ sơ KT-2025-001.');
  });

  it('files the signed scan (PDF) back to the document and its step, refusing an HTML file', async () => {
    const html = await uploadSigned(decisionId, {
      name: 'ban-ky.html',
      data: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(400);
    expect(html.json().error.fields.file).toBeTruthy();
    const ok = await uploadSigned(decisionId, { name: 'Quyết định đã ký.pdf', data: PDF });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().signed).toMatchObject({ fileName: 'Quyết định đã ký.pdf', mime: 'application/pdf' });
    const back = await app.inject({ method: 'GET', url: `/api/v1/case-documents/${decisionId}/signed`, headers: viewer.headers });
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(PDF)).toBe(true);
    const attached = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('case_attachment').select(['kind', 'step_id', 'title']).where('case_id', '=', caseId).execute(),
    );
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ kind: 'document' });
    expect(attached[0]?.step_id).not.toBeNull();
    // The signed scan belongs to the revision it was uploaded to: revision 2 has none.
    const list = await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/documents`, headers: officer.headers });
    const decision = list.json().items.find((s: { docType: string }) => s.docType === 'decision');
    expect(decision.revisions.map((r: { signed: unknown }) => r.signed !== null)).toEqual([false, true]);
    const none = await app.inject({
      method: 'GET',
      url: `/api/v1/case-documents/${decision.revisions[0].id}/signed`,
      headers: officer.headers,
    });
    expect(none.statusCode).toBe(404);
  });

  it('audits generation and the signed upload', async () => {
    const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('action', 'like', 'document.%').execute(),
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'document.generate').length).toBeGreaterThanOrEqual(6);
    expect(actions).toContain('document.sign_upload');
  });
});

describe('minutes of several working sessions (domain.md §3: each working session is minuted)', () => {
  it('numbers each session apart; regenerating one keeps its number; single documents refuse a new session', async () => {
    const caseId = await addCase({ step: 'verification', year: 2028, decided_on: '2028-03-01' });
    const post = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/documents`,
        headers: officer.headers,
        payload: { issuedOn: '2028-03-10', ...payload },
      });
    const first = await post({ docType: 'minutes_work' });
    const second = await post({ docType: 'minutes_work', newSession: true });
    expect(first.json()).toMatchObject({ numberText: '1-BB/UBKTĐU', revision: 1 });
    expect(second.json()).toMatchObject({ numberText: '2-BB/UBKTĐU', revision: 2 });
    const again = await post({ docType: 'minutes_work', of: first.json().id });
    expect(again.json()).toMatchObject({ numberText: '1-BB/UBKTĐU', revision: 3 });
    const single = await post({ docType: 'decision', newSession: true });
    expect(single.statusCode).toBe(400);
    expect(single.json().error.fields.newSession).toBeTruthy();
    const foreign = await post({ docType: 'minutes_work', of: decisionOfAnotherCase });
    expect(foreign.statusCode).toBe(400);
  });
});

describe('with a case run through the cases API', () => {
  it('generates the decision under the number recorded with it, and the notice from the recorded conclusion', async () => {
    const leader = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_leader', orgCode: 'X17662' }], totp: true }));
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, headers: leader.headers, payload });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json() as { id: string; version: number };
    };
    let c = await post('/api/v1/cases', {
      kind: 'inspection.signs',
      bodyOrgId: commune.id,
      bodyType: 'ubkt',
      subjectMemberId: memberId,
      topic: 'Việc chấp hành quy định về những điều đảng viên không được làm',
      grounds: 'Đơn phản ánh có nội dung cụ thể về việc nhận tiền hỗ trợ sai đối tượng.',
      openedOn: '2025-03-03',
    });
    c = await post(`/api/v1/cases/${c.id}/decision`, { decidedOn: '2025-03-03', decisionNo: '21-QĐ/UBKTĐU', version: c.version });
    c = await post(`/api/v1/cases/${c.id}/team`, {
      fullName: 'Phan Văn Lực',
      position: 'Ủy viên Ủy ban Kiểm tra',
      role: 'leader',
      version: c.version,
    });
    const decision = await generate(c.id, 'decision', leader);
    expect(decision.json()).toMatchObject({ number: 21, numberText: '21-QĐ/UBKTĐU' });
    const xml = await documentXml(decision.json().id, leader);
    expect(xml).toContain('Đô Lương, ngày 03 tháng 3 năm 2025');
    expect(xml).toContain('Phan Văn Lực');
    for (const [to, on] of [
      ['handover', '2025-03-05'],
      ['explanation', '2025-03-10'],
      ['verification', '2025-03-17'],
      ['subject_meeting', '2025-04-02'],
      ['results_report', '2025-04-09'],
      ['conclusion', '2025-04-16'],
    ])
      c = await post(`/api/v1/cases/${c.id}/advance`, { to, on, version: c.version });
    c = await post(`/api/v1/cases/${c.id}/conclusion`, {
      findings: 'Đồng chí Nguyễn Văn Đức không có vi phạm như nội dung đơn phản ánh.',
      violationFound: false,
      concludedOn: '2025-04-18',
      requirements: [{ requirement: 'Chi bộ thông tin kết quả kiểm tra tại kỳ sinh hoạt', ownerName: 'Chi bộ Xóm 1', dueOn: '2025-05-31' }],
      version: c.version,
    });
    const notice = await generate(c.id, 'conclusion_notice', leader, '2025-04-21');
    expect(notice.statusCode).toBe(200);
    expect(notice.json().numberText).toBe('1-TB/UBKTĐU');
    const text = await documentXml(notice.json().id, leader);
    expect(text).toContain('Ngày 18 tháng 4 năm 2025, Ủy ban Kiểm tra Đảng ủy xã Đô Lương đã họp');
    expect(text).toContain('Thực hiện Quyết định số 21-QĐ/UBKTĐU, ngày 03/03/2025');
    expect(text).toContain('Qua kiểm tra, đồng chí Nguyễn Văn Đức, đảng viên Chi bộ Xóm 1 không có vi phạm.');
    expect(text).toContain('Chi bộ thông tin kết quả kiểm tra tại kỳ sinh hoạt');
  });
});

describe('numbering under concurrency', () => {
  it('gives concurrent first generations of two cases distinct consecutive numbers', async () => {
    const [a, b] = [await addCase({ year: 2027, decided_on: '2027-03-02' }), await addCase({ year: 2027, decided_on: '2027-03-02' })];
    const [ra, rb] = await Promise.all([generate(a, 'decision'), generate(b, 'decision')]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    expect([ra.json().number, rb.json().number].sort()).toEqual([1, 2]);
    expect(ra.json().numberText).toMatch(/^[12]-QĐ\/UBKTĐU$/);
  });
});

describe('scope, permission and clearance', () => {
  it('hides a case of another province (404) and refuses generation to a viewer (403)', async () => {
    const caseId = await addCase();
    expect((await app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/documents`, headers: other.headers })).statusCode).toBe(404);
    expect((await generate(caseId, 'decision', other)).statusCode).toBe(404);
    expect((await generate(caseId, 'decision', viewer)).statusCode).toBe(403);
    const d = await generate(caseId, 'decision');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/case-documents/${d.json().id}/file`, headers: other.headers })).statusCode,
    ).toBe(404);
    expect((await uploadSigned(d.json().id, { name: 'x.pdf', data: PDF }, other)).statusCode).toBe(404);
  });

  it('marks a secret case’s document, hides it below the clearance, audits its download', async () => {
    const caseId = await addCase({ secrecy: 1 });
    expect((await generate(caseId, 'decision', officer)).statusCode).toBe(404);
    const d = await generate(caseId, 'decision', cleared);
    expect(d.statusCode).toBe(200);
    const xml = await documentXml(d.json().id, cleared);
    expect(xml).toContain('>MẬT</w:t>');
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/case-documents/${d.json().id}/file`, headers: officer.headers })).statusCode,
    ).toBe(404);
    const audit = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('entity_id').where('action', '=', 'document.download').execute(),
    );
    expect(audit.map((a) => a.entity_id)).toContain(d.json().id);
  });

  it('refuses new documents for a cancelled case', async () => {
    const caseId = await addCase({ status: 'cancelled', status_reason: 'Đối tượng đã chuyển sinh hoạt đảng' });
    const res = await generate(caseId, 'decision');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Cuộc kiểm tra, giám sát đã bị hủy bỏ; không lập văn bản mới.');
  });
});
