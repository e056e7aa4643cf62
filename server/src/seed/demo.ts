// The demo profile, loaded on a first start: Nghệ An (T40), its first 10 communes, about 300 party
// organisations under them, about 6,000 members with posts, a few relatives and transfers, and about two
// dozen petitions in the communes' inboxes (demo-petitions.ts). One transaction; idempotent (an existing
// first demo cell means it is already there).
import { CompiledQuery } from 'kysely';
import { POST_BY_CODE } from '../../../common/posts.ts';
import { inTransaction, type Tx } from '../db/context.ts';
import { memberRow, sealCccd } from '../modules/members/member-row.ts';
import { systemActor } from '../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../platform/access/scope.ts';
import type { AppContext } from '../platform/app-context.ts';
import { appendAudit } from '../platform/audit/audit.ts';
import { seedDemoPetitions } from './demo-petitions.ts';
import { type CommuneRef, communePlan, type UnitPlan } from './demo-plan.ts';
import { IdentityAllocator } from './identity.ts';
import { addYears, isoDay, randomDateInYear, randomPerson } from './people.ts';
import { createRng, type Rng } from './prng.ts';
import { type Exec, insertRows, MEMBER, MEMBER_TRANSFER, ORG_UNIT, POST, RELATIVE, type Row, uuidSequence } from './rows.ts';
import { randomName } from './vn-names.ts';

export const DEMO_PROVINCE = 'T40';
export const DEMO_COMMUNES = 10;
export const DEMO_SEED = 2025;

export interface SeedDemoResult {
  skipped: boolean;
  province: string;
  communes: number;
  units: number;
  members: number;
  posts: number;
  relatives: number;
  transfers: number;
  petitions: number;
  ms: number;
}

async function demoCommunes(tx: Tx): Promise<CommuneRef[]> {
  const province = await tx
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('code', '=', DEMO_PROVINCE)
    .executeTakeFirstOrThrow(() => new Error(`Chưa có tỉnh ${DEMO_PROVINCE}: nạp cây tổ chức trước.`));
  const rows = await tx
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path', 'province_code'])
    .where('parent_id', '=', province.id)
    .where('kind', '=', 'commune')
    .orderBy('code')
    .limit(DEMO_COMMUNES)
    .execute();
  return rows.map((r) => ({ ...r, province_code: r.province_code ?? '40', province_id: province.id }));
}

const SPOUSE_JOBS = ['Giáo viên', 'Kinh doanh tự do', 'Công chức', 'Bác sĩ', 'Nhân viên văn phòng', 'Nông nghiệp'];
const CHILD_JOBS = ['Sinh viên', 'Kỹ sư xây dựng', 'Nhân viên ngân hàng', 'Giáo viên', 'Kế toán', 'Lao động tự do'];

/** Builds every row of the demo; pure but for the encryption of CCCDs. */
export function buildDemo(ctx: AppContext, communes: CommuneRef[], seed = DEMO_SEED) {
  const orgRng = createRng(seed, 'demo-org');
  const rng = createRng(seed, 'demo-people');
  const ids = new IdentityAllocator(0, createRng(seed, 'demo-ids'));
  const uuid = uuidSequence();
  const out = {
    units: [] as Row[],
    members: [] as Row[],
    transfers: [] as Row[],
    posts: [] as Row[],
    relatives: [] as Row[],
    names: [] as string[],
  };
  const cellIds: string[] = [];
  for (const commune of communes) {
    const plan = communePlan(orgRng, commune);
    const byCode = new Map<string, { id: string; path: string }>();
    for (const u of plan) {
      const parent = u.parentCode ? (byCode.get(u.parentCode) as { id: string; path: string }) : { id: commune.id, path: commune.path };
      const unit = { id: uuid(), path: `${parent.path}.${u.code}` };
      byCode.set(u.code, unit);
      out.units.push([
        unit.id,
        parent.id,
        u.code,
        u.name,
        u.kind,
        unit.path,
        commune.province_code,
        u.hasCommittee,
        u.hasUbkt,
        '2025-07-01',
      ]);
      if (u.members > 0) cellIds.push(unit.id);
      for (let j = 0; j < u.members; j++) addMember(u, j, unit, parent.id);
    }
    function addMember(u: UnitPlan, j: number, unit: { id: string; path: string }, parentId: string) {
      const specs = u.posts[j] ?? [];
      const opts = specs.length ? { full: true, minYear: 1962, maxYear: 1990 } : { full: j < 3 };
      const person = randomPerson(rng, ids, commune.province_code, opts);
      const id = uuid();
      const r = memberRow(ctx.keyring, person, { id: unit.id, path: unit.path, province_code: commune.province_code });
      out.names.push(r.full_name);
      out.members.push([id, ...MEMBER.columns.slice(1).map((c) => r[c as keyof typeof r] as Row[number])]);
      addTransfers(rng, id, unit.id, person.admittedOn as string);
      for (const s of specs) {
        const kind = POST_BY_CODE.get(s.code);
        const orgId = s.at === 'self' ? unit.id : s.at === 'parent' ? parentId : s.at === 'commune' ? commune.id : null;
        const managedBy = s.managedByProvince ? commune.province_id : s.at === 'parent' ? commune.id : null;
        const since = (person.confirmedOn ?? person.admittedOn) as string;
        const from = s.from > since ? s.from : since;
        out.posts.push([
          uuid(),
          id,
          kind?.category ?? 'other',
          s.code,
          s.title,
          orgId,
          s.workplace ?? null,
          kind?.head ?? false,
          managedBy,
          s.areas ?? [],
          from,
          null,
        ]);
      }
      // Cadres in sensitive posts declare their family (needed later for declarations and conflicts).
      if (specs.some((s) => s.areas?.length || s.managedByProvince)) addFamily(rng, id, person.gender, person.birthYear, r.full_name);
    }
  }
  function addTransfers(rng: Rng, memberId: string, orgId: string, admitted: string) {
    const moveYear = Math.max(Number(admitted.slice(0, 4)) + 2, 2015);
    // About one member in a hundred came from another cell: the old period is closed, the new one open.
    if (moveYear <= 2025 && cellIds.length > 1 && rng.chance(0.01)) {
      const moved = randomDateInYear(rng, rng.int(moveYear, 2025));
      const previous = cellIds[rng.int(0, cellIds.length - 2)] as string;
      // Periods are inclusive: the old one ends the day before the move.
      const lastDay = isoDay(Date.parse(moved) - 86_400_000);
      out.transfers.push([uuid(), memberId, previous, admitted, lastDay, 'Kết nạp vào Đảng']);
      out.transfers.push([uuid(), memberId, orgId, moved, null, 'Chuyển sinh hoạt đảng']);
    } else out.transfers.push([uuid(), memberId, orgId, admitted, null, 'Kết nạp vào Đảng']);
  }
  function addFamily(rng: Rng, memberId: string, gender: 'male' | 'female', birthYear: number, fullName: string) {
    const spouseGender = gender === 'male' ? 'female' : 'male';
    const spouseYear = birthYear + rng.int(-2, gender === 'male' ? 6 : 1);
    const spouse = randomName(rng, spouseGender, '40');
    const relative = (relation: string, name: string, year: number, g: 'male' | 'female', job: string) => {
      const birth = randomDateInYear(rng, year);
      const adult = addYears(birth, 18) <= isoDay(Date.parse('2026-01-01'));
      const sealed = adult ? sealCccd(ctx.keyring, ids.cccd(ids.birthProvince(rng, '40'), year, g)) : null;
      out.relatives.push([
        uuid(),
        memberId,
        relation,
        name,
        birth,
        sealed?.enc ?? null,
        sealed?.hash ?? null,
        sealed?.last4 ?? null,
        job,
        null,
      ]);
    };
    relative('spouse', spouse, spouseYear, spouseGender, rng.pick(SPOUSE_JOBS));
    const family = (gender === 'male' ? fullName : spouse).split(' ')[0] as string;
    const mother = gender === 'male' ? spouseYear : birthYear;
    for (let k = rng.int(1, 2); k > 0; k--) {
      const g = rng.chance(0.5) ? 'male' : 'female';
      const year = Math.min(2020, mother + rng.int(22, 34));
      const name = `${family} ${randomName(rng, g, '40').split(' ').slice(1).join(' ')}`;
      relative('child', name, year, g, year > 2007 ? 'Học sinh' : rng.pick(CHILD_JOBS));
    }
  }
  return out;
}

function kyselyExec(tx: Tx): Exec {
  return (text, params) => tx.executeQuery(CompiledQuery.raw(text, params));
}

/** Loads the demo profile unless it is there already. */
export async function seedDemo(ctx: AppContext, seed = DEMO_SEED): Promise<SeedDemoResult> {
  const started = performance.now();
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const communes = await demoCommunes(tx);
    const first = communes[0];
    if (!first) throw new Error(`Tỉnh ${DEMO_PROVINCE} chưa có đơn vị cấp xã.`);
    const none = {
      skipped: true,
      province: DEMO_PROVINCE,
      communes: 0,
      units: 0,
      members: 0,
      posts: 0,
      relatives: 0,
      transfers: 0,
      petitions: 0,
    };
    const marker = await tx.selectFrom('org_unit').select('id').where('code', '=', `${first.code}_DB01`).executeTakeFirst();
    if (marker) return { ...none, ms: performance.now() - started };
    const d = buildDemo(ctx, communes, seed);
    const exec = kyselyExec(tx);
    await insertRows(exec, ORG_UNIT, d.units);
    await insertRows(exec, MEMBER, d.members);
    await insertRows(exec, MEMBER_TRANSFER, d.transfers);
    await insertRows(exec, POST, d.posts);
    await insertRows(exec, RELATIVE, d.relatives);
    const petitions = await seedDemoPetitions(ctx, tx, communes, seed);
    const counts = {
      communes: communes.length,
      units: d.units.length,
      members: d.members.length,
      posts: d.posts.length,
      relatives: d.relatives.length,
      transfers: d.transfers.length,
      petitions,
    };
    await appendAudit(tx, systemActor(), {
      action: 'seed.demo',
      entityType: 'org_unit',
      entityId: first.province_id,
      scopePath: first.path.split('.').slice(0, 2).join('.'),
      detail: { profile: 'demo', seed, ...counts },
    });
    return { skipped: false, province: DEMO_PROVINCE, ...counts, ms: performance.now() - started };
  });
}
