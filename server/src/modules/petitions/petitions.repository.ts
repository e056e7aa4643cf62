// SQL for letters, their links, children, files and messages. Row-level security limits every statement to
// the transaction's scope (and, on petition, to the reader's clearance): a link whose other letter is hidden
// is not shown, and the counts in the inbox agree with what the detail then lists.
import { type Selectable, sql, type Updateable } from 'kysely';
import { PETITION_CLOCK_STOPPED, type PetitionClockState } from '../../../../common/petitions.ts';
import type { Tx } from '../../db/context.ts';
import type { PetitionTable } from '../../db/types-petitions.ts';

export type PetitionRow = Selectable<PetitionTable> & { body_org_name: string; body_org_kind: string };

/** The letter with its receiving body's name and level; `lock` takes the row for the rest of the transaction. */
export function findPetition(tx: Tx, id: string, lock = false): Promise<PetitionRow | undefined> {
  let q = tx
    .selectFrom('petition as p')
    .leftJoin('org_unit as o', 'o.id', 'p.body_org_id')
    .selectAll('p')
    .select([sql<string>`coalesce(o.name, '')`.as('body_org_name'), sql<string>`coalesce(o.kind, 'commune')`.as('body_org_kind')])
    .where('p.id', '=', id);
  if (lock) q = q.forUpdate('p');
  return q.executeTakeFirst() as Promise<PetitionRow | undefined>;
}

/** Optimistic update: false when the version is stale (someone saved first). */
export async function updatePetition(tx: Tx, id: string, version: number, set: Updateable<PetitionTable>): Promise<boolean> {
  const r = await tx
    .updateTable('petition')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface PetitionFilter {
  path: string | null;
  status: string | null;
  open: boolean;
  kind: string | null;
  topic: string | null;
  clock: PetitionClockState | null;
  /** Folded (common/text.ts foldForSearch), compared with ktgs_fold() of code, title and subject. */
  q: string | null;
  receivedFrom: string | null;
  receivedTo: string | null;
  sort: 'received_desc' | 'due_asc';
  today: string;
}

const STOPPED = sql.join(PETITION_CLOCK_STOPPED.map((s) => sql.lit(s)));

/** The clock states of domain/petitions/deadlines.ts clockStatus() as SQL, so paging counts the right rows. */
function clockCondition(state: PetitionClockState, today: string) {
  const running = sql`p.status NOT IN (${STOPPED}) AND NOT p.passed_to_new_committee`;
  const t = sql`${today}::date`;
  switch (state) {
    case 'stopped':
      return sql<boolean>`p.status IN (${STOPPED})`;
    case 'passed_to_new_committee':
      return sql<boolean>`p.status NOT IN (${STOPPED}) AND p.passed_to_new_committee`;
    // Past the deadline, whether or not the level above has been told yet.
    case 'overdue':
      return sql<boolean>`${running} AND p.due_on < ${t}`;
    case 'escalated':
      return sql<boolean>`${running} AND p.due_on < ${t} AND p.escalate_on <= ${t}`;
    case 'due_soon':
      return sql<boolean>`${running} AND p.due_on >= ${t} AND p.remind_on <= ${t}`;
    case 'on_track':
      return sql<boolean>`${running} AND (p.due_on IS NULL OR (p.due_on >= ${t} AND (p.remind_on IS NULL OR p.remind_on > ${t})))`;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function base(tx: Tx, f: PetitionFilter) {
  let q = tx.selectFrom('petition as p');
  if (f.path) q = q.where('p.scope_key', '>=', `${f.path}.`).where('p.scope_key', '<', `${f.path}/`);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.open) q = q.where(sql<boolean>`p.status NOT IN (${STOPPED})`);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.topic) q = q.where('p.topic', '=', f.topic);
  if (f.clock) q = q.where(clockCondition(f.clock, f.today));
  if (f.q) q = q.where(sql<boolean>`ktgs_fold(p.code || ' ' || p.title || ' ' || p.subject_name) LIKE ${`%${escapeLike(f.q)}%`}`);
  if (f.receivedFrom) q = q.where('p.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('p.received_on', '<=', f.receivedTo);
  return q;
}

/** Links of a relation to visible letters, in either direction, not rejected. */
const linkCount = (relation: 'duplicate' | 'related') => sql<number>`(
  (SELECT count(*) FROM petition_link l JOIN petition o ON o.id = l.other_id
    WHERE l.petition_id = p.id AND l.status <> 'rejected' AND l.relation = ${relation})
  + (SELECT count(*) FROM petition_link l JOIN petition o ON o.id = l.petition_id
    WHERE l.other_id = p.id AND l.status <> 'rejected' AND l.relation = ${relation}))::int`;

export type ListRow = Awaited<ReturnType<typeof listPetitions>>['rows'][number];

export async function listPetitions(tx: Tx, f: PetitionFilter, offset: number, limit: number) {
  const q = base(tx, f);
  let rows = q.leftJoin('org_unit as o', 'o.id', 'p.body_org_id').select([
    'p.id',
    'p.code',
    'p.kind',
    'p.channel',
    'p.received_on',
    'p.title',
    'p.subject_name',
    'p.topic',
    'p.status',
    'p.sender_identity',
    'p.body_org_id',
    'p.scope_path',
    'p.due_on',
    'p.remind_on',
    'p.escalate_on',
    'p.passed_to_new_committee',
    'p.secrecy',
    'p.version',
    sql<boolean>`p.receipt_code_hash IS NOT NULL`.as('followed'),
    sql<string>`coalesce(o.name, '')`.as('body_org_name'),
    linkCount('duplicate').as('duplicates'),
    linkCount('related').as('related'),
    sql<number>`(SELECT count(*)::int FROM petition_message m
        WHERE m.petition_id = p.id AND m.author = 'sender' AND m.read_at IS NULL)`.as('unread_messages'),
  ]);
  rows =
    f.sort === 'due_asc'
      ? rows.orderBy(sql`p.due_on ASC NULLS LAST`).orderBy('p.received_on').orderBy('p.code')
      : rows.orderBy('p.received_on', 'desc').orderBy('p.created_at', 'desc');
  const [items, total] = await Promise.all([
    rows.offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: items, total: Number(total.n) };
}

/** Every link of the letter whose other letter the reader sees, with what the other letter is. */
export async function linksOf(tx: Tx, id: string) {
  const pick = (dir: 'outgoing' | 'incoming') =>
    tx
      .selectFrom('petition_link as l')
      .innerJoin('petition as o', 'o.id', dir === 'outgoing' ? 'l.other_id' : 'l.petition_id')
      .leftJoin('org_unit as b', 'b.id', 'o.body_org_id')
      .select([
        'o.id as petition_id',
        'o.code',
        'o.title',
        'o.received_on',
        'o.status',
        sql<string>`coalesce(b.name, '')`.as('body_org_name'),
        'l.relation',
        'l.resemblance',
        'l.cosine',
        'l.origin',
        'l.status as link_status',
        sql<'outgoing' | 'incoming'>`${dir}::text`.as('direction'),
      ])
      .where(dir === 'outgoing' ? 'l.petition_id' : 'l.other_id', '=', id)
      .execute();
  const [out, inc] = await Promise.all([pick('outgoing'), pick('incoming')]);
  return [...out, ...inc];
}

/** The link between two letters, whichever way it was made. */
export function linkBetween(tx: Tx, a: string, b: string) {
  return tx
    .selectFrom('petition_link')
    .selectAll()
    .where((eb) =>
      eb.or([eb.and([eb('petition_id', '=', a), eb('other_id', '=', b)]), eb.and([eb('petition_id', '=', b), eb('other_id', '=', a)])]),
    )
    .executeTakeFirst();
}

/** Letters next to `ids` through links that are not rejected (only those the reader sees). */
export async function neighbours(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom('petition_link as l')
    .innerJoin('petition as a', 'a.id', 'l.petition_id')
    .innerJoin('petition as b', 'b.id', 'l.other_id')
    .select(['l.petition_id', 'l.other_id'])
    .where('l.status', '<>', 'rejected')
    .where((eb) => eb.or([eb('l.petition_id', 'in', ids), eb('l.other_id', 'in', ids)]))
    .execute();
  return rows.flatMap((r) => [r.petition_id, r.other_id]);
}

export function briefs(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('petition as p')
    .leftJoin('org_unit as o', 'o.id', 'p.body_org_id')
    .select(['p.id', 'p.code', 'p.title', 'p.received_on', sql<string>`coalesce(o.name, '')`.as('body_org_name')])
    .where('p.id', 'in', ids)
    .orderBy('p.received_on')
    .execute();
}

export function childrenOf(tx: Tx, id: string) {
  return tx.selectFrom('petition').select(['id', 'code', 'kind', 'status']).where('parent_id', '=', id).orderBy('seq').execute();
}

export function filesOf(tx: Tx, id: string) {
  return tx
    .selectFrom('petition_file as pf')
    .innerJoin('stored_file as f', 'f.id', 'pf.file_id')
    .select(['f.id', 'f.file_name', 'f.mime', 'f.size', 'pf.source', 'pf.message_id', 'pf.created_at'])
    .where('pf.petition_id', '=', id)
    .orderBy('pf.created_at')
    .execute();
}

export function fileOf(tx: Tx, petitionId: string, fileId: string) {
  return tx
    .selectFrom('petition_file')
    .select(['file_id'])
    .where('petition_id', '=', petitionId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
}

/** Messages oldest first; an officer's name when the reader may see that account, never anything of the sender. */
export function messagesOf(tx: Tx, id: string) {
  return tx
    .selectFrom('petition_message as m')
    .leftJoin('app_user as u', 'u.id', 'm.author_user_id')
    .select(['m.id', 'm.author', 'm.body', 'm.created_at', 'm.read_at', 'u.full_name as author_name'])
    .where('m.petition_id', '=', id)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** The handler has read what the sender wrote (the inbox stops counting it as unread). */
export async function markSenderMessagesRead(tx: Tx, id: string): Promise<number> {
  const r = await tx
    .updateTable('petition_message')
    .set({ read_at: new Date() })
    .where('petition_id', '=', id)
    .where('author', '=', 'sender')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertMessage(tx: Tx, row: { petitionId: string; scopePath: string; userId: string | null; body: string }) {
  const r = await tx
    .insertInto('petition_message')
    .values({ petition_id: row.petitionId, scope_path: row.scopePath, author: 'officer', author_user_id: row.userId, body: row.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function findMessage(tx: Tx, petitionId: string, messageId: string) {
  return tx
    .selectFrom('petition_message')
    .select(['id', 'author'])
    .where('petition_id', '=', petitionId)
    .where('id', '=', messageId)
    .executeTakeFirst();
}

export function caseOf(tx: Tx, id: string) {
  return tx
    .selectFrom('inspection_case')
    .select(['id', 'code', 'step', 'status', 'concluded_on', 'violation_found', 'findings'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function userName(tx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const u = await tx.selectFrom('app_user').select('full_name').where('id', '=', id).executeTakeFirst();
  return u?.full_name ?? null;
}

export function findOrg(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path', 'has_committee', 'has_inspection_committee', 'secrecy', 'valid_to'])
    .where('id', '=', id)
    .executeTakeFirst();
}
