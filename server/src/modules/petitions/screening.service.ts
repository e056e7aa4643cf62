// Screening a letter (domain.md §5; issue #6, point 3): the officer states the facts, the rule
// (domain/petitions/screening.ts) decides, with its ground. The preview saves nothing; saving records the
// facts, the decision and its ground and moves the letter on: forwarded to the competent body (clock
// stopped), kept as information, refused, withdrawn, accepted (the clock from the competent body's receipt),
// or split into the part handled and a letter for each other part. A letter may be screened again until an
// inspection is opened on it; every screening is audited.
import { todayInVietnam } from '../../../../common/dates.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type { PetitionDetail, ScreeningResult } from '../../../../common/petition-api.ts';
import type { PetitionKind, PetitionStatus, ScreeningForm } from '../../../../common/petitions.ts';
import { inTransaction } from '../../db/context.ts';
import { factsFromForm, type Screening, screen } from '../../domain/petitions/screening.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertWritable, requireScope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { computeDeadline } from './deadlines.service.ts';
import { type ChainOrg, type SubjectChain, subjectChain } from './org-chain.repository.ts';
import { PetitionBase } from './petitions.base.ts';
import * as repo from './petitions.repository.ts';
import { isoDay } from './petitions.view.ts';
import { createPart } from './split.ts';

type Form = Omit<ScreeningForm, 'version'> & { version: number };

/** Statuses a letter may be screened (again) in: before any inspection or resolution. */
const SCREENABLE: readonly PetitionStatus[] = [
  'received',
  'screening',
  'kept_as_information',
  'refused',
  'forwarded',
  'accepted',
  'withdrawn',
];

function toResult(s: Screening, orgs: readonly ChainOrg[]): ScreeningResult {
  const to = s.forwardTo;
  return {
    ...s,
    forwardTo: to ? { orgId: orgs.find((o) => o.path === to.path)?.id ?? null, ...to } : null,
    parts: s.parts.map((p) => ({ ...p })),
  };
}

export class ScreeningService extends PetitionBase {
  /**
   * The organisation chain above the subject, read as system work BEFORE the officer's transaction (the
   * levels above the officer are hidden from them; PGlite has one connection, so never nested).
   */
  private chain(id: string): Promise<SubjectChain | null> {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const p = await tx
        .selectFrom('petition')
        .select(['subject_member_id', 'subject_org_id', 'subject_path', 'scope_path'])
        .where('id', '=', id)
        .executeTakeFirst();
      return p ? subjectChain(tx, p) : null;
    });
  }

  private decide(p: repo.PetitionRow, chain: SubjectChain, form: Form): Screening {
    const facts = factsFromForm(form, {
      kind: p.kind as PetitionKind,
      subject: chain.subject,
      disciplineDecidedByPath: chain.disciplineDecidedByPath,
    });
    return screen(facts, { bodyPath: p.scope_path, orgs: chain.orgs, takeOver: form.takeOver === true });
  }

  /** What the rule decides from these facts; nothing is saved. */
  async preview(actor: Actor, id: string, form: Form): Promise<ScreeningResult> {
    const scope = requireScope(actor, 'petition.write');
    const chain = await this.chain(id);
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      assertWritable(scope, p.scope_path);
      if (!chain) throw notFound('Đơn');
      return toResult(this.decide(p, chain, form), chain.orgs);
    });
  }

  async save(actor: Actor, id: string, form: Form): Promise<PetitionDetail> {
    requireScope(actor, 'petition.write');
    const chain = await this.chain(id);
    const today = todayInVietnam();
    return this.write(actor, id, form.version, 'petition.screen', async ({ tx, p }) => {
      if (!chain) throw notFound('Đơn');
      if (p.case_id) throw invalid('status', 'Đã mở cuộc kiểm tra theo đơn này: không phân loại lại.');
      if (!SCREENABLE.includes(p.status as PetitionStatus))
        throw invalid('status', 'Đơn đã được giải quyết hoặc trả lời: không phân loại lại.');
      const s = this.decide(p, chain, form);
      const result = toResult(s, chain.orgs);
      const { version: _v, ...facts } = form;
      // The letter goes on as the part that is handled (a split letter: its complaint).
      const kind = (s.parts.find((x) => x.handling === 'accept')?.kind ?? p.kind) as PetitionKind;
      const set: Parameters<typeof repo.updatePetition>[3] = {
        kind,
        status: result.status,
        screening_outcome: result.outcome,
        screening_ground: result.ground,
        screening: JSON.stringify({ facts: { ...facts, kindBefore: p.kind }, result }),
        screened_on: today,
        screened_by: actor.userId,
        forward_org_id: result.forwardTo?.orgId ?? null,
        forwarded_on: result.forwardTo ? today : null,
        // What screening established about the sender supersedes what was noted at registration (a letter
        // found to be under a false name, an address found): the slip, the portal note and the answer read it.
        sender_identity: form.sender,
        sender_address_known: form.addressKnown,
      };
      // A slip made out to another body (or to none now) is void: a new one is numbered when it is needed.
      if ((result.forwardTo?.orgId ?? null) !== p.forward_org_id) Object.assign(set, { forward_file_id: null, forward_number_text: null });
      if (result.status === 'accepted') {
        // The clock runs from the day the competent body received the letter (domain.md §5): this body.
        const d = await computeDeadline(this.ctx, tx, {
          kind,
          level: p.body_org_kind as OrgKind,
          receivedOn: isoDay(p.received_on) as string,
          // An extension granted under another kind's rule does not carry over to the part now handled.
          extensionWorkingDays: kind === p.kind ? (p.extension_days ?? 0) : 0,
        });
        Object.assign(set, { clock_start_on: d.startOn, due_on: d.dueOn, remind_on: d.remindOn, escalate_on: d.escalateOn });
        if (kind !== p.kind) Object.assign(set, { extension_days: null, extension_reason: null, extended_by: null });
      }
      const parts: string[] = [];
      if (s.outcome === 'split' && (await repo.childrenOf(tx, p.id)).length === 0)
        for (const part of s.parts.filter((x) => x.kind !== kind))
          parts.push((await createPart(this.ctx, tx, p, part, { result, screenedOn: today, userId: actor.userId })).code);
      return {
        set,
        detail: {
          outcome: result.outcome,
          ground: result.ground,
          previousOutcome: p.screening_outcome,
          forwardTo: result.forwardTo?.name ?? null,
          coercedWithdrawal: result.coercedWithdrawal,
          parts,
        },
      };
    });
  }
}
