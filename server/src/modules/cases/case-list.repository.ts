// SQL for the list of cases: filters, paging, counts. Subtrees are text ranges on the path (leakproof
// comparisons, which indexes serve under row-level security: migration 0005).
import { type ExpressionBuilder, sql } from 'kysely';
import type { Tx } from '../../db/context.ts';
import type { DB } from '../../db/types.ts';
import type { ListRow } from './cases.view.ts';

export interface CaseFilter {
  path: string | null;
  year: number | null;
  kind: string | null;
  status: string | null;
  step: string | null;
  overdue: boolean | null;
  proposeDiscipline: boolean | null;
  today: string;
}

type Eb = ExpressionBuilder<DB & { c: DB['inspection_case'] }, 'c'>;

/** Open and past its overall limit, or its open step past its due date. */
function overdueExpr(eb: Eb, today: string) {
  return eb.and([
    eb('c.status', '=', 'open'),
    eb.or([
      eb('c.due_on', '<', today),
      eb.exists(
        eb
          .selectFrom('case_step as s')
          .select(sql`1`.as('x'))
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.completed_on', 'is', null)
          .where('s.due_on', '<', today),
      ),
    ]),
  ]);
}

function base(tx: Tx, f: CaseFilter, withStatus: boolean) {
  let q = tx.selectFrom('inspection_case as c');
  if (f.path) {
    const lo = `${f.path}.`;
    const hi = `${f.path}/`;
    // The stored key (COLLATE "C", migration 0006): a leakproof range that uses its index under RLS.
    q = q.where('c.scope_key', '>=', lo).where('c.scope_key', '<', hi);
  }
  if (f.year !== null) q = q.where('c.year', '=', f.year);
  if (f.kind) q = q.where('c.kind', '=', f.kind);
  if (f.step) q = q.where('c.step', '=', f.step);
  if (f.proposeDiscipline !== null) q = q.where('c.propose_discipline', '=', f.proposeDiscipline);
  if (withStatus) {
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.overdue === true) q = q.where((eb) => overdueExpr(eb as unknown as Eb, f.today));
    if (f.overdue === false) q = q.where((eb) => eb.not(overdueExpr(eb as unknown as Eb, f.today)));
  }
  return q;
}

export async function listCases(tx: Tx, f: CaseFilter, offset: number, limit: number): Promise<{ rows: ListRow[]; total: number }> {
  const q = base(tx, f, true);
  const [rows, total] = await Promise.all([
    q
      .innerJoin('org_unit as o', 'o.id', 'c.body_org_id')
      .select([
        'c.id',
        'c.code',
        'c.year',
        'c.kind',
        'c.body_org_id',
        'o.name as body_org_name',
        'c.body_type',
        'c.scope_path',
        'c.subject_member_id',
        'c.subject_name',
        'c.topic',
        'c.step',
        'c.status',
        'c.due_on',
        'c.decided_on',
        'c.propose_discipline',
        'c.secrecy',
        'c.version',
        (eb) =>
          eb
            .selectFrom('case_step as s')
            .select('s.due_on')
            .whereRef('s.case_id', '=', 'c.id')
            .where('s.completed_on', 'is', null)
            .orderBy('s.created_at', 'desc')
            .limit(1)
            .as('step_due_on'),
      ])
      // By code: the newest year first, then the body's numbering.
      .orderBy('c.year', 'desc')
      .orderBy('o.name')
      .orderBy('c.seq')
      .offset(offset)
      .limit(limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ListRow[], total: Number(total.n) };
}

export async function countCases(tx: Tx, f: CaseFilter) {
  const r = await base(tx, f, false)
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('c.status', '=', 'open').as('open'),
      eb.fn.countAll<string>().filterWhere('c.status', '=', 'suspended').as('suspended'),
      eb.fn.countAll<string>().filterWhere('c.status', '=', 'closed').as('closed'),
      eb.fn.countAll<string>().filterWhere('c.status', '=', 'cancelled').as('cancelled'),
      eb.fn
        .countAll<string>()
        .filterWhere(overdueExpr(eb as unknown as Eb, f.today))
        .as('overdue'),
    ])
    .executeTakeFirstOrThrow();
  return {
    open: Number(r.open),
    suspended: Number(r.suspended),
    closed: Number(r.closed),
    cancelled: Number(r.cancelled),
    overdue: Number(r.overdue),
  };
}
