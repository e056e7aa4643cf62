// Issue #6, point 3 through the API: the screening rules of domain.md §5 (Quy định 296-QĐ/TW and the
// guidance of UBKT Trung ương), table-driven; each decision records its ground; forwarding computes the
// competent body from the registry's tree (also above the officer's own scope), splitting creates the
// letter of the other part, and the forwarding letter is generated and downloaded.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PetitionDetail, ScreeningResult } from '../../common/petition-api.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode, type Session } from '../helpers/factories.ts';
import { addMember, addOrg } from './cases.fixtures.ts';

let ctx: TestDb;
let app: FastifyInstance;
let officer: Session;
let commune: string;
let provinceOrg: string;
let cell: string;
let grassroots: string;
let member: string;

const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

async function call(method: 'GET' | 'POST', url: string, payload?: unknown, as: Session = officer) {
  return app.inject({ method, url, headers: as.headers, payload: payload as Record<string, unknown> | undefined });
}
function ok<T = PetitionDetail>(res: { statusCode: number; body: string; json(): unknown }): T {
  if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
  return res.json() as T;
}

type Subject = 'member' | 'cell' | 'commune' | 'name';
let n = 0;
async function register(subject: Subject, extra: Record<string, unknown> = {}) {
  n += 1;
  const who =
    subject === 'member'
      ? { subjectMemberId: member }
      : subject === 'cell'
        ? { subjectOrgId: cell }
        : subject === 'commune'
          ? { subjectOrgId: commune }
          : { subjectName: 'Đinh Công Tráng' };
  return ok(
    await call('POST', '/api/v1/petitions', {
      bodyOrgId: commune,
      kind: 'denunciation',
      channel: 'post',
      receivedOn: '2026-03-02',
      title: `Đơn thứ ${n} về sai phạm trong quản lý quỹ đất công`,
      content: `Đơn thứ ${n}: phản ánh việc giao đất công ích sai quy định tại thôn, có danh sách hộ được giao đất kèm theo, mã ${n * 7919}.`,
      senderIdentity: 'named',
      senderAddressKnown: true,
      ...who,
      ...extra,
    }),
  );
}

const named = { sender: 'named', addressKnown: true, specific: true, verifiable: true };

type Row = {
  rule: string;
  subject: Subject;
  facts: Record<string, unknown>;
  outcome: ScreeningResult['outcome'];
  ground: ScreeningResult['ground'];
  status: PetitionDetail['status'];
};

// Each row: what domain.md §5 (Quy định 296-QĐ/TW; hướng dẫn của UBKT Trung ương) says of such a letter.
const TABLE: Row[] = [
  {
    rule: 'an anonymous letter is not resolved as a denunciation; with specific content it is kept as information (§5)',
    subject: 'member',
    facts: { ...named, sender: 'anonymous', addressKnown: false },
    outcome: 'keep_as_information',
    ground: 'anonymous',
    status: 'kept_as_information',
  },
  {
    rule: 'a letter under a false name (mạo tên) is kept as information (§5)',
    subject: 'member',
    facts: { ...named, sender: 'false_name' },
    outcome: 'keep_as_information',
    ground: 'false_name',
    status: 'kept_as_information',
  },
  {
    rule: 'a named letter without the sender’s address is kept as information (§5)',
    subject: 'member',
    facts: { ...named, addressKnown: false },
    outcome: 'keep_as_information',
    ground: 'no_address',
    status: 'kept_as_information',
  },
  {
    rule: 'a repeat on a concluded matter without new evidence is refused (§5)',
    subject: 'cell',
    facts: { ...named, concludedBefore: true, newEvidence: false },
    outcome: 'refuse',
    ground: 'repeat_without_new_evidence',
    status: 'refused',
  },
  {
    rule: 'a vague letter is refused (§5)',
    subject: 'cell',
    facts: { ...named, specific: false },
    outcome: 'refuse',
    ground: 'not_specific',
    status: 'refused',
  },
  {
    rule: 'a denunciation of a party organisation is resolved by the level directly above it: the commune UBKT, for its chi bộ (QĐ 296)',
    subject: 'cell',
    facts: named,
    outcome: 'accept',
    ground: 'within_authority',
    status: 'accepted',
  },
  {
    rule: 'withdrawal ends handling unless coerced (§5)',
    subject: 'cell',
    facts: { ...named, withdrawn: true },
    outcome: 'withdrawn',
    ground: 'withdrawn',
    status: 'withdrawn',
  },
  {
    rule: 'a withdrawal under threat does not end handling (§5)',
    subject: 'cell',
    facts: { ...named, withdrawn: true, withdrawalCoerced: true },
    outcome: 'accept',
    ground: 'within_authority',
    status: 'accepted',
  },
  {
    rule: 'a subject only named, not found in the registry: the officer must establish the competent body first',
    subject: 'name',
    facts: named,
    outcome: 'undetermined',
    ground: 'competence_unknown',
    status: 'screening',
  },
];

beforeAll(async () => {
  ctx = await testContext();
  app = await buildApp(ctx, { logger: false });
  commune = (await orgByCode(ctx, 'X17662')).id;
  provinceOrg = (await orgByCode(ctx, 'T40')).id;
  cell = (await addOrg(ctx, 'PS_CB01', 'Chi bộ Thôn Bắc', 'X17662', 'cell')).id;
  grassroots = (await addOrg(ctx, 'PS_DB01', 'Đảng bộ Công ty Cổ phần Đông Sơn', 'X17662', 'grassroots')).id;
  officer = await login(app, await createUser(ctx, { roles: [{ role: 'ubkt_officer', orgCode: 'X17662' }], totp: true }));
  member = await addMember(app, officer, cell, { fullName: 'Phan Văn Lợi', gender: 'male', birthDate: '1969-09-09' });
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('screening by the rules (domain.md §5)', () => {
  it.each(TABLE)('$rule', async (row) => {
    const p = await register(row.subject);
    const preview = ok<ScreeningResult>(
      await call('POST', `/api/v1/petitions/${p.id}/screening-preview`, { version: p.version, ...row.facts }),
    );
    expect(preview).toMatchObject({ outcome: row.outcome, ground: row.ground, status: row.status });
    // The preview saves nothing.
    expect(ok(await call('GET', `/api/v1/petitions/${p.id}`))).toMatchObject({ status: 'received', version: p.version, screening: null });
    const s = ok(await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...row.facts }));
    expect(s).toMatchObject({ status: row.status, screening: { result: { outcome: row.outcome, ground: row.ground }, screenedOn: today } });
    expect(s.screening?.result.explanation).toMatch(/Quy định 296|Điều lệ Đảng|cấp có thẩm quyền/);
    const stored = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .selectFrom('petition')
        .select(['screening_outcome', 'screening_ground', 'status'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow(),
    );
    expect(stored).toEqual({ screening_outcome: row.outcome, screening_ground: row.ground, status: row.status });
  });

  it('keeps an anonymous specific letter as information that may lead to an inspection on signs (Điều lệ Đảng, Điều 32)', async () => {
    const p = await register('member', { senderIdentity: 'anonymous', senderAddressKnown: false });
    const s = ok(
      await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...named, sender: 'anonymous', addressKnown: false }),
    );
    expect(s.screening?.result).toMatchObject({ linkToSubject: true, mayLeadToInspection: true, tellSender: false });
    expect(s.clock.state).toBe('stopped');
    const opened = ok(await call('POST', `/api/v1/petitions/${p.id}/case`, { version: s.version }));
    expect(opened).toMatchObject({ status: 'in_progress', case: { status: 'open' } });
    const again = await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: opened.version, ...named });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.status).toMatch(/Đã mở cuộc kiểm tra/);
  });

  it('forwards a letter about the commune itself to the province above, outside the officer’s scope (QĐ 296), with the clock stopped', async () => {
    const p = await register('commune');
    const s = ok(await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...named }));
    expect(s).toMatchObject({
      status: 'forwarded',
      clock: { state: 'stopped' },
      screening: { result: { outcome: 'forward', ground: 'outside_authority', forwardTo: { orgId: provinceOrg, type: 'ubkt' } } },
      forward: { orgId: provinceOrg, forwardedOn: today },
    });
    expect(s.forward?.orgName).toBe(s.screening?.result.forwardTo?.name);
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition').select(['forward_org_id', 'forwarded_on']).where('id', '=', p.id).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ forward_org_id: provinceOrg, forwarded_on: today });

    const letter = ok(
      await call('POST', `/api/v1/petitions/${p.id}/forwarding-letter`, {
        version: s.version,
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ nhiệm',
      }),
    );
    expect(letter.forward?.numberText).toBeTruthy();
    const file = await call('GET', `/api/v1/petitions/${p.id}/forwarding-letter`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment;.*\.docx/);
    const stale = await call('POST', `/api/v1/petitions/${p.id}/forwarding-letter`, {
      version: s.version,
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Chủ nhiệm',
    });
    expect(stale.statusCode).toBe(409);

    // Screened again, the letter found to be under a false name: kept as information, the slip to the
    // province void, and the sender's standing is what screening established.
    const again = ok(
      await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: letter.version, ...named, sender: 'false_name' }),
    );
    expect(again).toMatchObject({ status: 'kept_as_information', senderIdentity: 'false_name', forward: null });
    expect((await call('GET', `/api/v1/petitions/${p.id}/forwarding-letter`)).statusCode).toBe(404);
  });

  it('forwards a letter about a chi bộ, sent to a grassroots committee that is not its level, to the commune', async () => {
    const p = ok(
      await call('POST', '/api/v1/petitions', {
        bodyOrgId: grassroots,
        kind: 'denunciation',
        channel: 'in_person',
        receivedOn: '2026-03-02',
        subjectOrgId: cell,
        title: 'Đơn về chi bộ thôn Bắc không sinh hoạt định kỳ',
        content: 'Chi bộ thôn Bắc nhiều tháng không tổ chức sinh hoạt, bí thư chi bộ tự ý quyết định thu chi quỹ đảng.',
        senderIdentity: 'named',
        senderAddressKnown: true,
      }),
    );
    const s = ok(await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...named }));
    expect(s).toMatchObject({ status: 'forwarded', forward: { orgId: commune }, screening: { result: { ground: 'outside_authority' } } });
  });

  it('splits a letter that is both complaint and denunciation: the complaint handled, the denunciation a letter of its own (§5)', async () => {
    const p = await register('cell');
    const s = ok(
      await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...named, mixedComplaintAndDenunciation: true }),
    );
    expect(s).toMatchObject({
      status: 'accepted',
      kind: 'discipline_complaint',
      screening: { result: { outcome: 'split', ground: 'mixed_complaint_denunciation' } },
    });
    expect(s.parts).toHaveLength(1);
    const notForwarded = await call('POST', `/api/v1/petitions/${p.id}/forwarding-letter`, {
      version: s.version,
      signerName: 'Nguyễn Văn An',
      signerTitle: 'Chủ nhiệm',
    });
    expect(notForwarded.json().error.fields.status).toMatch(/chuyển đến cấp có thẩm quyền/);
    const child = ok(await call('GET', `/api/v1/petitions/${s.parts[0]?.id}`));
    expect(child).toMatchObject({
      parentId: p.id,
      kind: 'denunciation',
      status: 'refused',
      screening: { result: { ground: 'mixed_complaint_denunciation' } },
    });
    expect(child.code).not.toBe(p.code);
    // Screening again does not create the part twice, and both screenings are in the audit log.
    const again = ok(
      await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: s.version, ...named, mixedComplaintAndDenunciation: true }),
    );
    expect(again.parts).toHaveLength(1);
    const audits = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select('action').where('entity_id', '=', p.id).where('action', '=', 'petition.screen').execute(),
    );
    expect(audits).toHaveLength(2);
  });

  it('refuses a form whose facts contradict each other, naming the field', async () => {
    const p = await register('cell');
    const bad = await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, ...named, newEvidence: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.newEvidence).toMatch(/đã được kết luận/);
    const missing = await call('POST', `/api/v1/petitions/${p.id}/screening`, { version: p.version, sender: 'named' });
    expect(missing.json().error.fields.addressKnown).toBeDefined();
  });
});
