// Merging two records of one person (issue #3 point 7). The kept record takes the merged one's posts,
// relatives and the cell periods that do not overlap its own, and fills its empty fields from it; the
// merged record stays, pointing to the kept one (merged_into), with whatever could not move, so both
// histories remain readable. Lists hide merged records (merged_into IS NULL).
import type { Member } from '../../../../common/members.ts';
import type { MemberMerge } from '../../../../common/quality.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { fieldsToFill, type MergeSide, mergeRefusal, periodsOverlap } from '../../domain/member-merge.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { findMember } from '../members/members.repository.ts';
import { auditView, loadMember } from '../members/members.view.ts';
import * as repo from './member-merge.repository.ts';

function sideOf(r: repo.MergeRow): MergeSide {
  return {
    cccdHash: r.cccd_hash ? r.cccd_hash.toString('hex') : null,
    birthDate: r.birth_date,
    partyCardNo: r.party_card_no,
    gender: r.gender,
    admittedOn: r.admitted_on,
    confirmedOn: r.confirmed_on,
  };
}

async function memberView(tx: Tx, id: string): Promise<Member> {
  const record = await findMember(tx, id);
  if (!record) throw notFound('Hồ sơ đảng viên');
  return loadMember(tx, record);
}

export class MemberMergeService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  async merge(actor: Actor, input: MemberMerge): Promise<Member> {
    const scope = requireScope(actor, 'member.write');
    const { keepId, mergeId, reason } = input;
    if (keepId === mergeId) throw invalid('mergeId', 'Hồ sơ được gộp phải khác hồ sơ giữ lại.');
    return inTransaction(this.ctx.database.db, scope, async (tx) => {
      const rows = await repo.lockPair(tx, [keepId, mergeId]);
      const keep = rows.find((r) => r.id === keepId);
      const merge = rows.find((r) => r.id === mergeId);
      for (const [row, field] of [
        [keep, 'keepId'],
        [merge, 'mergeId'],
      ] as const) {
        if (!row) throw invalid(field, 'Hồ sơ đảng viên không tồn tại hoặc bạn không có quyền xem.');
        assertVisible(scope, { path: row.org_path, secrecy: row.secrecy }, 'Hồ sơ đảng viên');
        assertWritable(scope, row.org_path);
        if (row.merged_into) throw invalid(field, 'Hồ sơ này đã được gộp vào một hồ sơ khác trước đó.');
      }
      const k = keep as repo.MergeRow;
      const m = merge as repo.MergeRow;
      const refusal = mergeRefusal(sideOf(k), sideOf(m));
      if (refusal) throw invalid(refusal.field, refusal.message);
      const fill = fieldsToFill(sideOf(k), sideOf(m));
      const before = { kept: auditView(await memberView(tx, keepId)), merged: auditView(await memberView(tx, mergeId)) };

      // The kept record's cell history stands; the merged record's periods join it where they fit.
      const kept = await repo.periodsOf(tx, keepId);
      const theirs = await repo.periodsOf(tx, mergeId);
      const period = (p: { from_date: string; to_date: string | null }) => ({ fromDate: p.from_date, toDate: p.to_date });
      const fits = theirs.filter((t) => !kept.some((x) => periodsOverlap(period(x), period(t))));
      const left = theirs.filter((t) => !fits.includes(t));
      const moved = {
        transfers: await repo.moveTransfers(
          tx,
          fits.map((t) => t.id),
          keepId,
        ),
        posts: await repo.movePosts(tx, mergeId, keepId),
        relatives: await repo.moveRelatives(tx, mergeId, keepId),
      };

      await repo.releaseIdentifiers(tx, mergeId, { cccd: fill.includes('cccd'), partyCard: fill.includes('partyCardNo') });
      await repo.updateKept(tx, keepId, {
        ...(fill.includes('cccd') ? { cccd_enc: m.cccd_enc, cccd_hash: m.cccd_hash, cccd_last4: m.cccd_last4 } : {}),
        ...(fill.includes('birthDate') ? { birth_date: m.birth_date } : {}),
        ...(fill.includes('partyCardNo') ? { party_card_no: m.party_card_no } : {}),
        ...(fill.includes('gender') ? { gender: m.gender } : {}),
        ...(fill.includes('admittedOn') ? { admitted_on: m.admitted_on } : {}),
        ...(fill.includes('confirmedOn') ? { confirmed_on: m.confirmed_on } : {}),
        // What the merged record protected stays protected on the record that now holds it.
        secrecy: Math.max(k.secrecy, m.secrecy),
      });
      await repo.markMerged(tx, mergeId, keepId);

      const result = await memberView(tx, keepId);
      await appendAudit(tx, actor, {
        action: 'member.merge',
        entityType: 'member',
        entityId: keepId,
        scopePath: result.orgPath,
        before,
        after: { kept: auditView(result), merged: auditView(await memberView(tx, mergeId)) },
        detail: {
          mergeId,
          reason,
          filled: fill,
          moved,
          // Periods that overlap the kept history stay on the merged record, where they remain readable.
          periodsLeftOnMergedRecord: left.map((t) => ({ orgId: t.org_id, fromDate: t.from_date, toDate: t.to_date })),
        },
      });
      return result;
    });
  }
}
