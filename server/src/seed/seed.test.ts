import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cccdProblem } from '../../../common/cccd.ts';
import { vietnameseSortKey } from '../../../common/vn-name.ts';
import { type TestDb, testContext } from '../../../test/helpers/db.ts';
import { openCccd } from '../modules/members/member-row.ts';
import { buildDemo, DEMO_SEED, seedDemo } from './demo.ts';
import type { CommuneRef } from './demo-plan.ts';
import { IdentityAllocator } from './identity.ts';
import { seedMembers } from './members.ts';
import { addYears, randomPerson } from './people.ts';
import { createRng } from './prng.ts';

function people(seed: number, n: number) {
  const rng = createRng(seed, 'people');
  const ids = new IdentityAllocator(3, createRng(seed, 'ids'));
  return Array.from({ length: n }, (_, i) => randomPerson(rng, ids, i % 2 ? '40' : '79'));
}

describe('synthetic people', () => {
  const ps = people(11, 5000);

  it('are deterministic: same seed, same people; another seed, other people', () => {
    expect(people(11, 200)).toEqual(ps.slice(0, 200));
    const other = people(12, 200);
    expect(other.map((p) => p.fullName)).not.toEqual(ps.slice(0, 200).map((p) => p.fullName));
  });

  it('carry valid, unique CCCDs consistent with birth date and gender (TT 59/2021/TT-BCA, Điều 7)', () => {
    const withCccd = ps.filter((p) => p.cccd);
    for (const p of withCccd) expect(cccdProblem(p.cccd as string, p.trueBirthDate, p.gender)).toBeNull();
    expect(new Set(withCccd.map((p) => p.cccd)).size).toBe(withCccd.length);
    expect(new Set(ps.map((p) => p.partyCardNo)).size).toBe(ps.length);
  });

  it('join after their 18th birthday and are confirmed 12 months later, a few still probationary', () => {
    for (const p of ps) {
      expect(p.admittedOn! > addYears(p.trueBirthDate, 18)).toBe(true);
      if (p.status === 'full') expect(p.confirmedOn).toBe(addYears(p.admittedOn!, 1));
      else expect(p.confirmedOn).toBeNull();
    }
    const share = (f: (p: (typeof ps)[number]) => boolean) => ps.filter(f).length / ps.length;
    expect(share((p) => p.status === 'probationary')).toBeGreaterThan(0.015);
    expect(share((p) => p.status === 'probationary')).toBeLessThan(0.05);
    expect(share((p) => p.cccd === null)).toBeGreaterThan(0.03);
    expect(share((p) => p.birthDate === null)).toBeGreaterThan(0.01);
    expect(share((p) => p.gender === 'male')).toBeGreaterThan(0.55);
    expect(share((p) => p.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.3);
    expect(share((p) => p.fullName.startsWith('Nguyễn '))).toBeLessThan(0.46);
    expect(ps.every((p) => p.fullName === p.fullName.normalize('NFC'))).toBe(true);
  });
});

describe('seed profiles (database)', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(async () => {
    await t?.close();
  });

  const system = <T>(fn: (q: (text: string, params?: unknown[]) => Promise<T[]>) => Promise<unknown>) =>
    t.database.admin(async (c) => {
      await c.query(`SET ktgs.system = 'on'`);
      try {
        return await fn(async (text, params) => (await c.query(text, params)).rows as T[]);
      } finally {
        await c.query(`RESET ktgs.system`);
      }
    });

  it('demo: one province, 10 communes, ~300 organisations, ~6,000 valid members; idempotent; deterministic', async () => {
    const first = await seedDemo(t);
    expect(first.skipped).toBe(false);
    expect(first.communes).toBe(10);
    expect(first.units).toBeGreaterThan(250);
    expect(first.units).toBeLessThan(350);
    expect(first.members).toBeGreaterThan(5000);
    expect(first.members).toBeLessThan(7000);
    expect(first.relatives).toBeGreaterThan(0);
    expect(first.transfers).toBeGreaterThan(first.members);

    const again = await seedDemo(t);
    expect(again.skipped).toBe(true);
    await system(async (q) => {
      const [counts] = await q(`SELECT (SELECT count(*)::int FROM member) AS members,
          (SELECT count(*)::int FROM audit_log WHERE action = 'seed.demo') AS audits,
          (SELECT count(DISTINCT subpath(org_path, 0, 3))::int FROM member) AS communes,
          (SELECT count(DISTINCT province_code)::int FROM member) AS provinces`);
      expect(counts).toEqual({ members: first.members, audits: 1, communes: 10, provinces: 1 });

      const members = (await q(`SELECT full_name, sort_key, gender, birth_date, cccd_enc FROM member`)) as unknown as {
        full_name: string;
        sort_key: string;
        gender: 'male' | 'female';
        birth_date: string | null;
        cccd_enc: string | null;
      }[];
      for (const m of members) {
        expect(m.sort_key).toBe(vietnameseSortKey(m.full_name));
        const cccd = openCccd(t.keyring, m.cccd_enc);
        if (cccd) expect(cccdProblem(cccd, m.birth_date, m.gender)).toBeNull();
      }
      // Every organisation with members is a valid chi bộ (≥ 3 full members) with a secretary.
      const weak = await q(`SELECT o.code FROM org_unit o JOIN member m ON m.org_id = o.id
          GROUP BY o.code HAVING count(*) FILTER (WHERE m.status = 'full') < 3`);
      expect(weak).toEqual([]);
      const noSecretary = await q(`SELECT o.code FROM org_unit o WHERE EXISTS (SELECT 1 FROM member m WHERE m.org_id = o.id)
          AND NOT EXISTS (SELECT 1 FROM post p WHERE p.org_id = o.id AND p.code = 'secretary' AND p.to_date IS NULL)`);
      expect(noSecretary).toEqual([]);
      const ubkt = await q(`SELECT count(*)::int AS n FROM org_unit WHERE kind = 'grassroots' AND has_inspection_committee
          AND path <@ 'TW.T40'::ltree AND nlevel(path) = 4`);
      expect((ubkt[0] as unknown as { n: number }).n).toBeGreaterThanOrEqual(10);

      // Deterministic: the stored names are what the generator gives for the same seed, not for another.
      const communes = (await q(`SELECT o.id, o.code, o.name, o.path::text AS path, o.province_code, p.id AS province_id
          FROM org_unit o JOIN org_unit p ON p.id = o.parent_id WHERE p.code = 'T40' ORDER BY o.code LIMIT 10`)) as unknown as CommuneRef[];
      const stored = (await q(`SELECT full_name FROM member ORDER BY party_card_no`)) as unknown as { full_name: string }[];
      expect(stored.map((r) => r.full_name)).toEqual(buildDemo(t, communes, DEMO_SEED).names);
      expect(buildDemo(t, communes, DEMO_SEED + 1).names.slice(0, 50)).not.toEqual(stored.slice(0, 50).map((r) => r.full_name));

      // Demo letters (issue #6): a living inbox with the cases the demo shows.
      const [letters] =
        await q(`SELECT count(*)::int AS letters, count(DISTINCT kind)::int AS kinds, count(DISTINCT channel)::int AS channels,
          count(*) FILTER (WHERE status = 'forwarded' AND forward_file_id IS NOT NULL AND forward_number_text LIKE '%-PC/UBKT%')::int AS forwarded,
          count(*) FILTER (WHERE status = 'accepted' AND due_on < CURRENT_DATE)::int AS overdue,
          count(*) FILTER (WHERE sender_identity = 'anonymous' AND sender_enc IS NULL)::int AS anonymous,
          (SELECT count(*)::int FROM petition_link l JOIN petition a ON a.id = l.petition_id JOIN petition b ON b.id = l.other_id
             WHERE l.relation = 'duplicate' AND a.body_org_id <> b.body_org_id) AS copies
        FROM petition`);
      expect(letters).toMatchObject({ letters: first.petitions, kinds: 4, channels: 4, forwarded: 1, overdue: 1, copies: 1 });
      expect(first.petitions).toBeGreaterThanOrEqual(20);
      expect((letters as unknown as { anonymous: number }).anonymous).toBeGreaterThanOrEqual(3);
    });
  });

  it('seedMembers writes exactly N members with their cell periods, by COPY on PostgreSQL', async () => {
    const before = await system(async (q) => (await q(`SELECT count(*)::int AS n FROM member`))[0]);
    const progress: number[] = [];
    const r = await seedMembers(t, { members: 2000, seed: 5, provinces: ['T40', '01'] }, (p) => progress.push(p.members));
    expect(r.method).toBe(t.database.mode === 'postgres' ? 'copy' : 'insert');
    expect(r.members).toBe(2000);
    expect(progress.at(-1)).toBe(2000);
    await system(async (q) => {
      const [c] = await q(`SELECT (SELECT count(*)::int FROM member) AS members,
          (SELECT count(*)::int FROM member_transfer t WHERE t.to_date IS NULL AND t.org_id = (SELECT org_id FROM member m WHERE m.id = t.member_id)
             AND t.member_id IN (SELECT id FROM member WHERE org_path::text LIKE '%\\_M06\\_%')) AS open_periods,
          (SELECT count(DISTINCT province_code)::int FROM member WHERE org_path::text LIKE '%\\_M06\\_%') AS provinces,
          (SELECT count(*)::int FROM audit_log WHERE action = 'seed.members') AS audits`);
      expect(c).toEqual({ members: (before as { n: number }).n + 2000, open_periods: 2000, provinces: 2, audits: 1 });
      const rls = await q(
        `SELECT count(*)::int AS n FROM pg_class WHERE relname IN ('member','org_unit','member_transfer','post') AND relforcerowsecurity`,
      );
      expect(rls).toEqual([{ n: 4 }]);
    });
    const again = await seedMembers(t, { members: 2000, seed: 5 });
    expect(again.skipped).toBe(true);
  });
});
