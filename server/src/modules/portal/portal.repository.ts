// SQL of the public portal. Every query runs in the portal's system transaction and is narrowed here by
// hand to what a holder of a receipt may see: their letter, its messages and the files meant for them.
import { foldForSearch } from '../../../../common/text.ts';
import type { Tx } from '../../db/context.ts';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The bodies that receive letters: organisations with an inspection committee (central, provinces,
 * communes, agencies and grassroots organisations that have one), active, unmarked, with the name of the
 * organisation above them (many communes share a name across provinces). Each folded word of `q` must
 * appear in the name or code of the body or of the one above it.
 */
export async function searchBodies(tx: Tx, q: string | undefined, limit: number) {
  let query = tx
    .selectFrom('org_unit as o')
    .leftJoin('org_unit as up', 'up.id', 'o.parent_id')
    .select(['o.id', 'o.name', 'o.kind', 'up.name as parent_name', 'up.kind as parent_kind'])
    .where('o.has_inspection_committee', '=', true)
    .where('o.valid_to', 'is', null)
    .where('o.secrecy', '=', 0)
    .where('o.kind', '!=', 'cell');
  for (const word of foldForSearch(q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)) {
    const like = `%${escapeLike(word)}%`;
    query = query.where((eb) => eb.or([eb('o.name_folded', 'like', like), eb('up.name_folded', 'like', like)]));
  }
  return query.orderBy('o.level').orderBy('o.name').orderBy('up.name').limit(limit).execute();
}

/** The body a citizen chose, if it is one the portal offers. */
export async function receivingBody(tx: Tx, id: string) {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .where('has_inspection_committee', '=', true)
    .where('valid_to', 'is', null)
    .where('secrecy', '=', 0)
    .where('kind', '!=', 'cell')
    .executeTakeFirst();
}

export async function receiptInUse(tx: Tx, codeHash: Buffer): Promise<boolean> {
  return !!(await tx.selectFrom('petition').select('id').where('receipt_code_hash', '=', codeHash).executeTakeFirst());
}

export async function findByReceipt(tx: Tx, codeHash: Buffer) {
  return tx
    .selectFrom('petition')
    .select(['id', 'receipt_code_hash', 'receipt_secret_hash'])
    .where('receipt_code_hash', '=', codeHash)
    .executeTakeFirst();
}

/** The letter as its sender may see it: no officer, no screening facts, no links, no sender contact. */
export async function statusRow(tx: Tx, id: string) {
  return tx
    .selectFrom('petition as p')
    .innerJoin('org_unit as b', 'b.id', 'p.body_org_id')
    .leftJoin('org_unit as f', 'f.id', 'p.forward_org_id')
    .select([
      'p.id',
      'p.scope_path',
      'p.kind',
      'p.title',
      'p.received_on',
      'p.status',
      'p.screening_ground',
      'p.due_on',
      'p.passed_to_new_committee',
      'p.answer',
      'p.answered_on',
      'b.name as body_name',
      'f.name as forward_name',
      'f.secrecy as forward_secrecy',
    ])
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow();
}
export type StatusRow = Awaited<ReturnType<typeof statusRow>>;

export async function messages(tx: Tx, petitionId: string) {
  return tx
    .selectFrom('petition_message')
    .select(['id', 'author', 'body', 'created_at'])
    .where('petition_id', '=', petitionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type MessageRow = Awaited<ReturnType<typeof messages>>[number];

/**
 * Files the sender may see: what they sent (with the letter or a message) and what officers attached to
 * a message to them. Files officers keep on the record (message_id null, source officer) are not theirs.
 */
export async function visibleFiles(tx: Tx, petitionId: string, fileId?: string) {
  let q = tx
    .selectFrom('petition_file as pf')
    .innerJoin('stored_file as s', 's.id', 'pf.file_id')
    .select(['pf.file_id as id', 'pf.message_id', 's.file_name', 's.size'])
    .where('pf.petition_id', '=', petitionId)
    .where((eb) => eb.or([eb('pf.source', '=', 'sender'), eb('pf.message_id', 'is not', null)]));
  if (fileId) q = q.where('pf.file_id', '=', fileId);
  return q.orderBy('pf.created_at').orderBy('s.file_name').execute();
}
export type FileRow = Awaited<ReturnType<typeof visibleFiles>>[number];

export async function addMessage(tx: Tx, m: { petitionId: string; scopePath: string; body: string }): Promise<string> {
  const row = await tx
    .insertInto('petition_message')
    .values({ petition_id: m.petitionId, scope_path: m.scopePath, author: 'sender', author_user_id: null, body: m.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addSenderFile(tx: Tx, f: { petitionId: string; scopePath: string; fileId: string; messageId: string | null }) {
  await tx
    .insertInto('petition_file')
    .values({
      petition_id: f.petitionId,
      scope_path: f.scopePath,
      file_id: f.fileId,
      message_id: f.messageId,
      source: 'sender',
      created_by: null,
    })
    .execute();
}
