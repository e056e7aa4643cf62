// Inspection work for bench/coverage.ts, generated in the database (INSERT … SELECT) at the published
// national rate (domain.md §7: in 2023 committees inspected 57,486 organisations and about 324,000 of
// 5.6 million members). Deterministic: a hash of each id decides, so reruns give the same data.
import type pg from 'pg';

export const NATIONAL = { members: 5_600_000, orgsCovered: 57_486, membersCovered: 324_000 };

export interface Generated {
  orgCases: number;
  memberCases: number;
  openCases: number;
  planItems: number;
  remediation: number;
}

const count = async (c: pg.ClientBase, text: string, params: unknown[] = []) => Number((await c.query(text, params)).rows[0]?.n ?? 0);

/** Cases, plan items, open steps and remediation for `year` in the provinces given (null: all). */
export async function generateWork(c: pg.ClientBase, year: number, provinces: string[] | null): Promise<Generated> {
  await c.query(`SELECT set_config('ktgs.system', 'on', false)`);
  const inProv = (a: string) => (provinces ? `${a}.province_code = ANY($1)` : 'true');
  const where = inProv('x');
  const p = provinces ? [provinces] : [];
  const members = await count(c, `SELECT count(*) AS n FROM member x WHERE ${where} AND status IN ('probationary','full')`, p);
  const orgs = await count(c, `SELECT count(*) AS n FROM org_unit x WHERE ${where} AND kind IN ('cell','grassroots')`, p);
  // Organisations covered per organisation at the national rate, scaled to this data set's size.
  const orgRate = Math.min(1, (NATIONAL.orgsCovered * (members / NATIONAL.members)) / Math.max(1, orgs));
  const memberRate = NATIONAL.membersCovered / NATIONAL.members;
  const orgPermille = Math.round(orgRate * 10_000);
  const memberPermille = Math.round(memberRate * 10_000);
  const h = (col: string, salt: string) => `(abs(hashtext(${col}::text || '${salt}')) % 10000)`;
  const date = (col: string) => `(DATE '${year}-01-01' + ${h(col, 'd')} % 360)`;

  // Organisations: inspected or supervised by their superior (đảng ủy cơ sở or commune).
  await c.query(
    `INSERT INTO inspection_case (body_org_id, body_type, scope_path, province_code, year, seq, code, kind, subject_org_id,
       subject_path, subject_name, topic, step, status, decided_on, notified_on, closed_on)
     SELECT b.id, 'ubkt', b.path, o.province_code, ${year}, 100000 + row_number() OVER (PARTITION BY b.id ORDER BY o.id), 'B-' || o.code,
       (ARRAY['inspection.ktgs_duty','inspection.finance','supervision.regular','supervision.thematic'])[1 + ${h('o.id', 'k')} % 4],
       o.id, o.path, o.name, 'Kiểm tra, giám sát năm ${year}', 'closed', 'closed', ${date('o.id')} - 30, ${date('o.id')}, ${date('o.id')}
     FROM org_unit o JOIN org_unit b ON b.id = o.parent_id
     WHERE ${inProv('o')} AND o.kind IN ('cell','grassroots') AND ${h('o.id', 'o')} < ${orgPermille}`,
    p,
  );
  // Members: by their own cell (thematic inspection, supervision) or on signs of violation.
  await c.query(
    `INSERT INTO inspection_case (body_org_id, body_type, scope_path, province_code, year, seq, code, kind, subject_member_id,
       subject_path, subject_name, topic, step, status, decided_on, notified_on, closed_on)
     SELECT m.org_id, 'cell', m.org_path, m.province_code, ${year}, row_number() OVER (PARTITION BY m.org_id ORDER BY m.id), 'B-' || m.id,
       (ARRAY['inspection.compliance','supervision.regular','supervision.thematic','inspection.signs'])[1 + ${h('m.id', 'k')} % 4],
       m.id, m.org_path, m.full_name, 'Kiểm tra, giám sát năm ${year}', 'closed', 'closed', ${date('m.id')} - 30, ${date('m.id')}, ${date('m.id')}
     FROM member m WHERE ${inProv('m')} AND m.status IN ('probationary','full') AND ${h('m.id', 'm')} < ${memberPermille}`,
    p,
  );
  const ofYear = (a: string) => `${a}.year = ${year} AND ${a}.code LIKE 'B-%' AND ${inProv(a)}`;
  const yearCases = `${ofYear('inspection_case')}`;
  // One case in twenty is still running, at verification, with an open step due around today.
  await c.query(
    `UPDATE inspection_case SET status = 'open', step = 'verification', notified_on = NULL, closed_on = NULL,
       due_on = current_date + (${h('id', 'u')} % 60) - 30
     WHERE ${yearCases} AND ${h('id', 'open')} < 500`,
    p,
  );
  await c.query(
    `INSERT INTO case_step (case_id, scope_path, step, started_on, due_on)
     SELECT id, scope_path, 'verification', current_date - 40, current_date + (${h('id', 's')} % 40) - 20
     FROM inspection_case WHERE ${yearCases} AND status = 'open'`,
    p,
  );
  // Plans: each organisation case was planned by its body; one planned item in ten is not done yet.
  await c.query(
    `INSERT INTO programme (org_id, body_type, scope_path, province_code, period, year_from, year_to, title, status)
     SELECT DISTINCT body_org_id, 'ubkt', scope_path, province_code, 'year', ${year}, ${year}, 'Chương trình kiểm tra, giám sát năm ${year}', 'approved'
     FROM inspection_case WHERE ${yearCases} AND subject_org_id IS NOT NULL`,
    p,
  );
  await c.query(
    `WITH items AS (
       INSERT INTO programme_item (programme_id, scope_path, province_code, year, seq, kind, subject_org_id, subject_path, subject_name, topic)
       SELECT g.id, c.scope_path, c.province_code, ${year}, row_number() OVER (PARTITION BY g.id ORDER BY c.id), c.kind,
         c.subject_org_id, c.subject_path, c.subject_name, c.topic
       FROM inspection_case c JOIN programme g ON g.org_id = c.body_org_id AND g.year_from = ${year}
       WHERE ${ofYear('c')} AND c.subject_org_id IS NOT NULL
       RETURNING id, programme_id, subject_org_id)
     UPDATE inspection_case c SET programme_item_id = items.id FROM items, programme g
     WHERE g.id = items.programme_id AND c.body_org_id = g.org_id AND c.subject_org_id = items.subject_org_id
       AND c.year = ${year} AND c.code LIKE 'B-%' AND ${h('c.id', 'p')} >= 1000`,
    p,
  );
  // A conclusion in five has a requirement; a third of those are open and overdue.
  await c.query(
    `INSERT INTO remediation_item (case_id, scope_path, province_code, seq, requirement, owner_name, due_on, status, done_on)
     SELECT id, scope_path, province_code, 1, 'Khắc phục hạn chế, khuyết điểm đã chỉ ra', subject_name,
       CASE WHEN ${h('id', 'r')} < 700 THEN current_date - 10 ELSE current_date + 30 END,
       CASE WHEN ${h('id', 'r')} < 700 OR ${h('id', 'r')} >= 1500 THEN 'open' ELSE 'done' END,
       CASE WHEN ${h('id', 'r')} BETWEEN 700 AND 1499 THEN current_date - 5 END
     FROM inspection_case WHERE ${yearCases} AND status = 'closed' AND ${h('id', 'r')} < 2000`,
    p,
  );
  await c.query(
    'ANALYZE org_unit, member, post, inspection_case, case_step, programme, programme_item, remediation_item, coverage_org_stat',
  );
  const n = (t: string, extra = '') => count(c, `SELECT count(*) AS n FROM ${t} x WHERE ${where} ${extra}`, p);
  return {
    orgCases: await n('inspection_case', `AND year = ${year} AND subject_org_id IS NOT NULL`),
    memberCases: await n('inspection_case', `AND year = ${year} AND subject_member_id IS NOT NULL`),
    openCases: await n('inspection_case', `AND year = ${year} AND status = 'open'`),
    planItems: await n('programme_item', `AND year = ${year}`),
    remediation: await n('remediation_item'),
  };
}
