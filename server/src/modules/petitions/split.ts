// A letter that is both a complaint and a denunciation (domain.md §5): the letter goes on as the part that
// is handled, and each other part becomes a letter of its own, numbered in the same register, pointing to
// the letter it came from (parent_id), so the sender can be guided and the register counts both.
import { randomUUID } from 'node:crypto';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { ScreeningResult } from '../../../../common/petition-api.ts';
import { PETITION_KIND_LABELS, type PetitionKind, SCREENING_GROUND_LABELS } from '../../../../common/petitions.ts';
import type { Tx } from '../../db/context.ts';
import type { ScreeningPart } from '../../domain/petitions/screening.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { decrypt, encrypt } from '../../platform/crypto.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import { computeDeadline } from './deadlines.service.ts';
import { petitionCode, senderAad } from './intake.service.ts';
import type { PetitionRow } from './petitions.repository.ts';
import { isoDay } from './petitions.view.ts';

/** Creates the letter of one part of `p`; answers its id and code. */
export async function createPart(
  ctx: AppContext,
  tx: Tx,
  p: PetitionRow,
  part: ScreeningPart,
  parent: { result: ScreeningResult; screenedOn: string; userId: string | null },
): Promise<{ id: string; code: string }> {
  const id = randomUUID();
  const receivedOn = isoDay(p.received_on) as string;
  const year = Number(receivedOn.slice(0, 4));
  const seq = await nextNumber(tx, p.body_org_id, year, '#petition', p.scope_path);
  const code = petitionCode(seq, year);
  const accepted = part.handling === 'accept';
  const deadline = accepted ? await computeDeadline(ctx, tx, { kind: part.kind, level: p.body_org_kind as OrgKind, receivedOn }) : null;
  const result: ScreeningResult = {
    outcome: accepted ? 'accept' : 'refuse',
    ground: 'mixed_complaint_denunciation',
    explanation: `${SCREENING_GROUND_LABELS.mixed_complaint_denunciation} (tách từ đơn ${p.code}): ${part.explanation}`,
    status: accepted ? 'accepted' : 'refused',
    linkToSubject: false,
    mayLeadToInspection: false,
    tellSender: parent.result.tellSender,
    forwardTo: null,
    parts: [],
    coercedWithdrawal: false,
  };
  const suffix = ` (phần ${PETITION_KIND_LABELS[part.kind as PetitionKind].toLowerCase()})`;
  await tx
    .insertInto('petition')
    .values({
      id,
      body_org_id: p.body_org_id,
      scope_path: p.scope_path,
      year,
      seq,
      code,
      kind: part.kind,
      channel: p.channel,
      received_on: receivedOn,
      source_name: p.source_name,
      source_ref: p.source_ref,
      subject_member_id: p.subject_member_id,
      subject_org_id: p.subject_org_id,
      subject_path: p.subject_path,
      subject_name: p.subject_name,
      subject_position: p.subject_position,
      title: `${p.title.slice(0, 300 - suffix.length)}${suffix}`,
      content: p.content,
      sender_identity: p.sender_identity,
      sender_address_known: p.sender_address_known,
      // The same sender, sealed again to the new letter (a value is bound to its letter's id).
      sender_enc: p.sender_enc ? encrypt(ctx.keyring, decrypt(ctx.keyring, p.sender_enc, senderAad(p.id)), senderAad(id)) : null,
      topic: p.topic,
      topic_method: p.topic_method,
      topic_confidence: p.topic_confidence,
      status: result.status,
      screening_outcome: result.outcome,
      screening_ground: result.ground,
      screening: JSON.stringify({ facts: { splitFrom: p.code }, result }),
      screened_on: parent.screenedOn,
      screened_by: parent.userId,
      parent_id: p.id,
      clock_start_on: deadline?.startOn ?? null,
      due_on: deadline?.dueOn ?? null,
      remind_on: deadline?.remindOn ?? null,
      escalate_on: deadline?.escalateOn ?? null,
      secrecy: p.secrecy,
      created_by: parent.userId,
    })
    .execute();
  return { id, code };
}
