// Registering a letter, from an officer (any channel) or from the public portal (issue #6, points 1–2): the
// receiving body and the subject checked against the registry, a yearly number, the sender's contact
// encrypted, the topic proposed, the resolution clock started, duplicates and related letters linked,
// the similarity keys filed, and one audit entry that names no sender.
import { randomUUID } from 'node:crypto';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { SenderContact } from '../../../../common/petition-api.ts';
import type { PetitionChannel, PetitionKind, SenderIdentity } from '../../../../common/petitions.ts';
import type { Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { isWithin } from '../../platform/access/actor.ts';
import { assertWritable, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { encrypt } from '../../platform/crypto.ts';
import { invalid } from '../../platform/errors.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import type { StoredReceipt } from '../../platform/portal/receipt.ts';
import { computeDeadline } from './deadlines.service.ts';
import { senderAad } from './sender-seal.ts';
import { fileSignature, findSimilar } from './similarity.service.ts';
import { proposeTopic } from './topics.service.ts';

export { senderAad };

export interface IntakeInput {
  bodyOrgId: string;
  kind: PetitionKind;
  channel: PetitionChannel;
  receivedOn: string;
  sourceName?: string | null;
  sourceRef?: string | null;
  subjectMemberId?: string | null;
  subjectOrgId?: string | null;
  subjectName?: string | null;
  subjectPosition?: string | null;
  title: string;
  content: string;
  senderIdentity: SenderIdentity;
  senderAddressKnown: boolean;
  sender?: SenderContact | null;
  secrecy?: number;
  /** From the portal: the receipt's verifiers (the code and secret themselves are never stored). */
  receipt?: StoredReceipt | null;
}

export interface Registered {
  id: string;
  code: string;
  scopePath: string;
  bodyName: string;
  duplicates: number;
  related: number;
}

/** "07/2026/ĐT": the body's yearly sequence of letters. */
export function petitionCode(seq: number, year: number): string {
  return `${String(seq).padStart(2, '0')}/${year}/ĐT`;
}

function hasContact(c: SenderContact | null | undefined): c is SenderContact {
  return !!c && Object.values(c).some((v) => typeof v === 'string' && v.trim() !== '');
}

/**
 * Registers a letter inside `tx` (the officer's scoped transaction, or the portal's system transaction):
 * all or nothing with the caller's other writes (attachments, messages).
 */
export async function registerPetition(ctx: AppContext, tx: Tx, actor: Actor, scope: Scope, input: IntakeInput): Promise<Registered> {
  const body = await tx
    .selectFrom('org_unit')
    .select(['id', 'name', 'kind', 'path', 'secrecy', 'valid_to'])
    .where('id', '=', input.bodyOrgId)
    .executeTakeFirst();
  if (!body || body.secrecy > scope.clearance)
    throw invalid('bodyOrgId', 'Cơ quan tiếp nhận không tồn tại hoặc nằm ngoài phạm vi của bạn.');
  if (body.valid_to) throw invalid('bodyOrgId', 'Tổ chức này đã giải thể hoặc sáp nhập: chọn tổ chức đang hoạt động.');
  if (!scope.system) assertWritable(scope, body.path);

  let subjectPath: string | null = null;
  let subjectName = input.subjectName ?? null;
  if (input.subjectMemberId) {
    const m = await tx
      .selectFrom('member')
      .select(['id', 'full_name', 'org_path', 'secrecy'])
      .where('id', '=', input.subjectMemberId)
      .executeTakeFirst();
    if (!m || m.secrecy > scope.clearance) throw invalid('subjectMemberId', 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    subjectPath = m.org_path;
    subjectName = m.full_name;
  } else if (input.subjectOrgId) {
    const o = await tx
      .selectFrom('org_unit')
      .select(['id', 'name', 'path', 'secrecy'])
      .where('id', '=', input.subjectOrgId)
      .executeTakeFirst();
    if (!o || o.secrecy > scope.clearance) throw invalid('subjectOrgId', 'Tổ chức đảng không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    subjectPath = o.path;
    subjectName = o.name;
  }
  if (!subjectName) throw invalid('subjectName', 'Chọn đảng viên, tổ chức đảng hoặc ghi tên người bị phản ánh, tố cáo.');
  // A letter about someone outside the body's organisation is still registered: screening forwards it.
  const outsideBody = subjectPath !== null && !isWithin(subjectPath, body.path);

  const id = randomUUID();
  const year = Number(input.receivedOn.slice(0, 4));
  const seq = await nextNumber(tx, body.id, year, '#petition', body.path);
  const code = petitionCode(seq, year);
  const [topic, deadline, similar] = await Promise.all([
    proposeTopic(ctx, tx, `${input.title}\n${input.content}`),
    computeDeadline(ctx, tx, { kind: input.kind, level: body.kind as OrgKind, receivedOn: input.receivedOn }),
    findSimilar(tx, input.content, null),
  ]);
  const contact = hasContact(input.sender) ? input.sender : null;

  await tx
    .insertInto('petition')
    .values({
      id,
      body_org_id: body.id,
      scope_path: body.path,
      year,
      seq,
      code,
      kind: input.kind,
      channel: input.channel,
      received_on: input.receivedOn,
      source_name: input.sourceName ?? null,
      source_ref: input.sourceRef ?? null,
      subject_member_id: input.subjectMemberId ?? null,
      subject_org_id: input.subjectOrgId ?? null,
      subject_path: subjectPath,
      subject_name: subjectName,
      subject_position: input.subjectPosition ?? null,
      title: input.title,
      content: input.content,
      sender_identity: input.senderIdentity,
      sender_address_known: input.senderAddressKnown,
      sender_enc: contact ? encrypt(ctx.keyring, JSON.stringify(contact), senderAad(id)) : null,
      topic: topic.topic,
      topic_method: topic.method,
      topic_confidence: topic.confidence,
      status: 'received',
      clock_start_on: deadline.startOn,
      due_on: deadline.dueOn,
      remind_on: deadline.remindOn,
      escalate_on: deadline.escalateOn,
      receipt_code_hash: input.receipt?.codeHash ?? null,
      receipt_secret_hash: input.receipt?.secretHash ?? null,
      secrecy: input.secrecy ?? 0,
      created_by: actor.userId,
    })
    .execute();

  if (similar.matches.length > 0)
    await tx
      .insertInto('petition_link')
      .values(
        similar.matches.slice(0, 50).map((m) => ({
          petition_id: id,
          other_id: m.id,
          scope_path: body.path,
          relation: m.relation === 'duplicate' ? 'duplicate' : 'related',
          resemblance: m.resemblance,
          cosine: m.cosine,
        })),
      )
      .execute();
  await fileSignature(tx, id, body.path, similar.signature);

  const duplicates = similar.matches.filter((m) => m.relation === 'duplicate').length;
  const related = similar.matches.length - duplicates;
  await appendAudit(tx, actor, {
    action: 'petition.register',
    entityType: 'petition',
    entityId: id,
    scopePath: body.path,
    // What was registered, never who sent it: the audit log is read by auditors, not custodians.
    after: { code, kind: input.kind, channel: input.channel, receivedOn: input.receivedOn, subjectName, title: input.title },
    detail: {
      code,
      channel: input.channel,
      senderIdentity: input.senderIdentity,
      contactOnRecord: !!contact,
      topic: topic.topic,
      topicMethod: topic.method,
      duplicates,
      related,
      subjectOutsideBody: outsideBody,
    },
  });
  return { id, code, scopePath: body.path, bodyName: body.name, duplicates, related };
}
