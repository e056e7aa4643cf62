// The officers' register and inbox (issue #6, points 1, 5, 7): register a letter from any channel, list
// letters with their clocks, read one (which marks the sender's messages read for its handler), and
// correct its topic (the model learns the correction once the officer's transaction has committed).
import type { z } from 'zod';
import { todayInVietnam } from '../../../../common/dates.ts';
import type { PetitionDetail, PetitionList, petitionCreateSchema, petitionQuerySchema } from '../../../../common/petition-api.ts';
import type { PetitionTopic } from '../../../../common/petitions.ts';
import { foldForSearch } from '../../../../common/text.ts';
import type { Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWithinClearance, requireScope } from '../../platform/access/scope.ts';
import { auditMarkedReads } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { calendarFor } from './deadlines.service.ts';
import { registerPetition } from './intake.service.ts';
import { inScopeOf, PetitionBase } from './petitions.base.ts';
import * as repo from './petitions.repository.ts';
import { calendarSpan, clockOf, isoDay, toListItem } from './petitions.view.ts';
import { learnTopic } from './topics.service.ts';

type Query = z.output<typeof petitionQuerySchema>;

/** The member or organisation as the registry holds them, within the reader's scope (row-level security) and clearance. */
async function findSubject(tx: Tx, clearance: number, v: { subjectMemberId?: string | null; subjectOrgId?: string | null }) {
  if (v.subjectMemberId) {
    const m = await tx
      .selectFrom('member')
      .select(['full_name', 'org_path', 'secrecy'])
      .where('id', '=', v.subjectMemberId)
      .executeTakeFirst();
    if (!m || m.secrecy > clearance) throw invalid('subjectMemberId', 'Đảng viên không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    return { name: m.full_name, path: m.org_path };
  }
  const o = await tx
    .selectFrom('org_unit')
    .select(['name', 'path', 'secrecy'])
    .where('id', '=', v.subjectOrgId as string)
    .executeTakeFirst();
  if (!o || o.secrecy > clearance) throw invalid('subjectOrgId', 'Tổ chức đảng không tồn tại hoặc nằm ngoài phạm vi của bạn.');
  return { name: o.name, path: o.path };
}
type Create = z.output<typeof petitionCreateSchema>;

export class PetitionService extends PetitionBase {
  async list(actor: Actor, query: Query): Promise<PetitionList> {
    const scope = requireScope(actor, 'petition.read');
    const today = todayInVietnam();
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (query.orgId) {
        const org = await repo.findOrg(tx, query.orgId);
        if (!org) throw notFound('Tổ chức');
        assertVisible(scope, org, 'Tổ chức');
        path = org.path;
      }
      const folded = query.q ? foldForSearch(query.q) : '';
      const f: repo.PetitionFilter = {
        path,
        status: query.status ?? null,
        open: query.open === true,
        kind: query.kind ?? null,
        topic: query.topic ?? null,
        clock: query.clock ?? null,
        q: folded === '' ? null : folded,
        receivedFrom: query.receivedFrom ?? null,
        receivedTo: query.receivedTo ?? null,
        sort: query.sort,
        today,
      };
      const { rows, total } = await repo.listPetitions(tx, f, (query.page - 1) * query.pageSize, query.pageSize);
      const span = calendarSpan(
        rows.map((r) => isoDay(r.due_on)),
        today,
      );
      const cal = await calendarFor(this.ctx, tx, span.from, span.to);
      await auditMarkedReads(
        tx,
        actor,
        'petition',
        rows.map((r) => ({ id: r.id, path: r.scope_path, secrecy: r.secrecy })),
      );
      return {
        items: rows.map((r) =>
          toListItem(
            r,
            clockOf({ ...r, due_on: isoDay(r.due_on), remind_on: isoDay(r.remind_on), escalate_on: isoDay(r.escalate_on) }, today, cal),
          ),
        ),
        total,
      };
    });
  }

  /** The letter; its handler (who may write to it) has now read what the sender wrote. */
  async get(actor: Actor, id: string): Promise<PetitionDetail> {
    const scope = requireScope(actor, 'petition.read');
    return this.run(scope, async (tx) => {
      const p = await this.load(tx, scope, id);
      if (inScopeOf(actor, p.scope_path)) await repo.markSenderMessagesRead(tx, p.id);
      await auditMarkedReads(tx, actor, 'petition', [{ id: p.id, path: p.scope_path, secrecy: p.secrecy }]);
      return this.detail(tx, p);
    });
  }

  /** Issue #6, point 1: a letter from post, in person, another body or the press, with its subject from the registry. */
  async register(actor: Actor, v: Create): Promise<PetitionDetail> {
    const scope = requireScope(actor, 'petition.write');
    assertWithinClearance(actor, v.secrecy, 'secrecy');
    if (v.receivedOn > todayInVietnam()) throw invalid('receivedOn', 'Ngày nhận đơn không được sau ngày hôm nay.');
    // The working-day calendar and the regulations applied start long after; an older date is a typing slip.
    if (v.receivedOn < '2000-01-01') throw invalid('receivedOn', 'Ngày nhận đơn không hợp lệ (trước năm 2000).');
    return this.run(scope, async (tx) => {
      const r = await registerPetition(this.ctx, tx, actor, scope, {
        bodyOrgId: v.bodyOrgId,
        kind: v.kind,
        channel: v.channel,
        receivedOn: v.receivedOn,
        sourceName: v.sourceName ?? null,
        sourceRef: v.sourceRef ?? null,
        subjectMemberId: v.subjectMemberId ?? null,
        subjectOrgId: v.subjectOrgId ?? null,
        subjectName: v.subjectName ?? null,
        subjectPosition: v.subjectPosition ?? null,
        title: v.title,
        content: v.content,
        senderIdentity: v.senderIdentity,
        senderAddressKnown: v.senderAddressKnown ?? false,
        sender: v.sender ?? null,
        secrecy: v.secrecy,
      });
      return this.detail(tx, await this.load(tx, scope, r.id));
    });
  }

  /**
   * A letter registered with a name only (every portal letter) gets its subject from the registry, so that
   * screening can compute the competent body from the subject's organisation (domain.md §5). Only before a
   * screening decision: a decision already taken rests on the subject it was taken about.
   */
  setSubject(
    actor: Actor,
    id: string,
    input: { version: number; subjectMemberId?: string | null; subjectOrgId?: string | null },
  ): Promise<PetitionDetail> {
    return this.write(actor, id, input.version, 'petition.subject', async ({ tx, scope, p }) => {
      if (p.case_id || !['received', 'screening'].includes(p.status))
        throw invalid('subjectMemberId', 'Đơn đã được phân loại, xử lý: không đổi đối tượng của đơn.');
      const s = await findSubject(tx, scope.clearance, input);
      return {
        set: {
          subject_member_id: input.subjectMemberId ?? null,
          subject_org_id: input.subjectOrgId ?? null,
          subject_path: s.path,
          subject_name: s.name,
        },
        detail: { from: p.subject_name, to: s.name, memberId: input.subjectMemberId ?? null, orgId: input.subjectOrgId ?? null },
      };
    });
  }

  /** Issue #6, point 7: the officer's topic stands, and the classifier learns from it. */
  async setTopic(actor: Actor, id: string, input: { version: number; topic: PetitionTopic }): Promise<PetitionDetail> {
    let learn: { text: string; previous: PetitionTopic | null } | null = null;
    const detail = await this.write(actor, id, input.version, 'petition.topic', async ({ p }) => {
      const previous = p.topic_method === 'officer' ? (p.topic as PetitionTopic) : null;
      learn = { text: `${p.title}\n${p.content}`, previous };
      return {
        set: { topic: input.topic, topic_method: 'officer', topic_confidence: null },
        detail: { from: p.topic, to: input.topic, fromMethod: p.topic_method },
      };
    });
    // After the commit, in a system transaction of its own (never nested: PGlite has one connection).
    const l = learn as { text: string; previous: PetitionTopic | null } | null;
    if (l) await learnTopic(this.ctx, l.text, input.topic, l.previous);
    return detail;
  }
}
