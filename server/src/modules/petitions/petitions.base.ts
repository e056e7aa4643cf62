// What the petitions services share: the transaction, loading a letter the actor may see, one audited and
// optimistic write, and the letter's full detail (links, cluster, parts, files, messages, case, clock).
import type { z } from 'zod';
import { todayInVietnam } from '../../../../common/dates.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import type {
  PetitionDetail,
  PetitionLink,
  PetitionMessage,
  petitionFileSchema,
  ScreeningResult,
} from '../../../../common/petition-api.ts';
import type { PetitionKind, PetitionStatus } from '../../../../common/petitions.ts';
import type { Permission } from '../../../../common/roles.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { WorkCalendar } from '../../domain/calendar/workdays.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, inScope, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { calendarFor, computeDeadline } from './deadlines.service.ts';
import * as repo from './petitions.repository.ts';
import { calendarSpan, clockOf, isoDay, isoInstant, snapshot, suggestedAnswer, toListItem } from './petitions.view.ts';

/** How far the cluster of related letters is followed (issue #6, point 6): enough for a campaign, bounded. */
const CLUSTER_CAP = 50;

type Changes = Parameters<typeof repo.updatePetition>[3];
export interface WriteStep {
  tx: Tx;
  scope: Scope;
  p: repo.PetitionRow;
}
export interface WriteResult {
  set: Changes;
  detail?: Record<string, unknown>;
}

export class PetitionBase {
  protected readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  protected run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The letter as the actor may see it, or 404 (outside the subtree or above the clearance). */
  protected async load(tx: Tx, scope: Scope, id: string, lock = false): Promise<repo.PetitionRow> {
    const p = await repo.findPetition(tx, id, lock);
    if (!p) throw notFound('Đơn');
    assertVisible(scope, { path: p.scope_path, secrecy: p.secrecy }, 'Đơn');
    return p;
  }

  /**
   * One audited, optimistic write on a letter: load and lock it (404 outside the scope), check it is writable
   * and the version is the one the officer saw (409), run `fn`, bump the version, audit, answer the detail.
   */
  protected write(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    fn: (w: WriteStep) => Promise<WriteResult>,
    permission: Permission = 'petition.write',
  ): Promise<PetitionDetail> {
    const scope = requireScope(actor, permission);
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id, true);
      assertWritable(scope, p.scope_path);
      if (p.version !== version) throw conflict();
      const { set, detail } = await fn({ tx, scope, p });
      if (!(await repo.updatePetition(tx, id, version, set))) throw conflict();
      const after = await this.load(tx, scope, id);
      await appendAudit(tx, actor, {
        action,
        entityType: 'petition',
        entityId: id,
        scopePath: p.scope_path,
        before: snapshot(p),
        after: snapshot(after),
        detail: { code: p.code, ...detail },
      });
      return this.detail(tx, after);
    });
  }

  /** Every letter reachable through links that are not rejected, breadth first, at most CLUSTER_CAP. */
  protected async cluster(tx: Tx, id: string): Promise<string[]> {
    const seen = new Set<string>([id]);
    let frontier = [id];
    while (frontier.length > 0 && seen.size <= CLUSTER_CAP) {
      const next: string[] = [];
      for (const n of await repo.neighbours(tx, frontier)) {
        if (seen.has(n) || seen.size > CLUSTER_CAP) continue;
        seen.add(n);
        next.push(n);
      }
      frontier = next;
    }
    seen.delete(id);
    return [...seen];
  }

  /** The full detail. Never the sender's contact: only whether one is on record. */
  protected async detail(tx: Tx, p: repo.PetitionRow): Promise<PetitionDetail> {
    const today = todayInVietnam();
    const [links, children, { files, messages, unread }, kase, screenedByName, clusterIds] = await Promise.all([
      repo.linksOf(tx, p.id),
      repo.childrenOf(tx, p.id),
      this.thread(tx, p.id),
      p.case_id ? repo.caseOf(tx, p.case_id) : Promise.resolve(undefined),
      repo.userName(tx, p.screened_by),
      this.cluster(tx, p.id),
    ]);
    const cluster = await repo.briefs(tx, clusterIds);
    // One calendar for the clock (today to the due date) and the rule's deadline (from receipt on).
    const span = calendarSpan([isoDay(p.due_on), isoDay(p.received_on)], today);
    const cal = await calendarFor(this.ctx, tx, span.from, span.to);
    const clock = clockOf(
      { ...p, due_on: isoDay(p.due_on), remind_on: isoDay(p.remind_on), escalate_on: isoDay(p.escalate_on) },
      today,
      cal,
    );
    const live = links.filter((l) => l.link_status !== 'rejected');
    const screening = p.screening as { facts?: Record<string, unknown>; result?: ScreeningResult } | null;
    const concludedOn = isoDay(kase?.concluded_on);
    return {
      ...toListItem(
        {
          ...p,
          duplicates: live.filter((l) => l.relation === 'duplicate').length,
          related: live.filter((l) => l.relation === 'related').length,
          unread_messages: unread,
          followed: p.receipt_code_hash !== null,
        },
        clock,
      ),
      sourceName: p.source_name,
      sourceRef: p.source_ref,
      subjectMemberId: p.subject_member_id,
      subjectOrgId: p.subject_org_id,
      subjectPath: p.subject_path,
      subjectPosition: p.subject_position,
      content: p.content,
      senderAddressKnown: p.sender_address_known,
      senderContactOnRecord: p.sender_enc !== null,
      topicMethod: p.topic_method as PetitionDetail['topicMethod'],
      topicConfidence: p.topic_confidence,
      screening:
        p.screened_on && screening?.result
          ? { facts: screening.facts ?? {}, result: screening.result, screenedOn: isoDay(p.screened_on) as string, screenedByName }
          : null,
      forward:
        p.forward_org_id || p.forward_file_id
          ? {
              orgId: p.forward_org_id,
              orgName: screening?.result?.forwardTo?.name ?? '',
              forwardedOn: isoDay(p.forwarded_on),
              numberText: p.forward_number_text,
              fileId: p.forward_file_id,
            }
          : null,
      deadline: await this.deadline(tx, p, cal),
      preCongress: p.pre_congress as Record<string, unknown> | null,
      passedToNewCommittee: p.passed_to_new_committee,
      parentId: p.parent_id,
      parts: children.map((c) => ({ id: c.id, code: c.code, kind: c.kind as PetitionKind, status: c.status as PetitionStatus })),
      case: kase
        ? {
            id: kase.id,
            code: kase.code,
            step: kase.step,
            status: kase.status,
            concludedOn,
            violationFound: kase.violation_found,
            findings: kase.findings,
          }
        : null,
      suggestedAnswer:
        kase && concludedOn
          ? suggestedAnswer(p, { code: kase.code, concludedOn, violationFound: kase.violation_found, findings: kase.findings })
          : null,
      resolution: p.resolution,
      resolvedOn: isoDay(p.resolved_on),
      answer: p.answer,
      answeredOn: isoDay(p.answered_on),
      files: files.filter((f) => f.messageId === null),
      messages,
      links: links.map(
        (l): PetitionLink => ({
          petitionId: l.petition_id,
          code: l.code,
          title: l.title,
          receivedOn: isoDay(l.received_on) as string,
          bodyOrgName: l.body_org_name,
          status: l.status as PetitionStatus,
          relation: l.relation as PetitionLink['relation'],
          resemblance: l.resemblance,
          cosine: l.cosine,
          origin: l.origin as PetitionLink['origin'],
          linkStatus: l.link_status as PetitionLink['linkStatus'],
          direction: l.direction,
        }),
      ),
      cluster: cluster.map((c) => ({
        petitionId: c.id,
        code: c.code,
        title: c.title,
        receivedOn: isoDay(c.received_on) as string,
        bodyOrgName: c.body_org_name,
      })),
      createdAt: isoInstant(p.created_at),
      updatedAt: isoInstant(p.updated_at),
    };
  }

  /** The letter's files, and its messages each with its own files; how many sender messages are unread. */
  protected async thread(tx: Tx, id: string) {
    const [rows, msgs] = await Promise.all([repo.filesOf(tx, id), repo.messagesOf(tx, id)]);
    const files: z.infer<typeof petitionFileSchema>[] = rows.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      mime: f.mime,
      size: f.size,
      source: f.source as 'sender' | 'officer',
      messageId: f.message_id,
      createdAt: isoInstant(f.created_at),
    }));
    const messages: PetitionMessage[] = msgs.map((m) => ({
      id: m.id,
      author: m.author as 'sender' | 'officer',
      // The officer's name only; a sender is never named.
      authorName: m.author === 'officer' ? m.author_name : null,
      body: m.body,
      createdAt: isoInstant(m.created_at),
      files: files.filter((f) => f.messageId === m.id),
    }));
    return { files, messages, unread: msgs.filter((m) => m.author === 'sender' && m.read_at === null).length };
  }

  /** The clock as stored, with the rule it follows and the deadline without and with the longest extension. */
  private async deadline(tx: Tx, p: repo.PetitionRow, cal: WorkCalendar): Promise<PetitionDetail['deadline']> {
    if (!p.clock_start_on || !p.due_on || !p.remind_on || !p.escalate_on) return null;
    const d = await computeDeadline(
      this.ctx,
      tx,
      { kind: p.kind as PetitionKind, level: p.body_org_kind as OrgKind, receivedOn: isoDay(p.received_on) as string },
      { cal },
    );
    return {
      startOn: isoDay(p.clock_start_on) as string,
      baseDueOn: d.baseDueOn,
      dueOn: isoDay(p.due_on) as string,
      latestDueOn: d.latestDueOn,
      remindOn: isoDay(p.remind_on) as string,
      escalateOn: isoDay(p.escalate_on) as string,
      resolveWorkingDays: d.rule.resolveWorkingDays,
      maxExtensionWorkingDays: d.rule.maxExtensionWorkingDays,
      confirmed: d.rule.confirmed,
      basis: d.rule.basis,
      extensionDays: p.extension_days,
      extensionReason: p.extension_reason,
    };
  }
}

/** Whether the actor handles letters at `path` (petition.write there): only the handler marks messages read. */
export function inScopeOf(actor: Actor, path: string): boolean {
  try {
    return inScope(requireScope(actor, 'petition.write'), path);
  } catch {
    return false;
  }
}
