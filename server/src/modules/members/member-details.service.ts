// What hangs off a member: posts, relatives, and reading the CCCD in clear (with a stated reason).
import type { Member } from '../../../../common/members.ts';
import { POST_BY_CODE, type SensitiveArea } from '../../../../common/posts.ts';
import type { Tx } from '../../db/context.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { assertNotUnderDiscipline } from '../discipline/registry-hook.ts';
import { openCccd, sealCccd } from './member-row.ts';
import * as repo from './members.repository.ts';
import { MemberService } from './members.service.ts';
import { auditView, loadMember } from './members.view.ts';

export interface PostCreate {
  code: string;
  title?: string;
  category?: string;
  orgId: string | null;
  workplace: string | null;
  managedByOrgId: string | null;
  sensitiveAreas: SensitiveArea[];
  fromDate: string;
  toDate: string | null;
}

export interface RelativeCreate {
  relation: string;
  fullName: string;
  birthDate: string | null;
  cccd: string | null;
  occupation: string | null;
  workplace: string | null;
}

export class MemberDetailService extends MemberService {
  /** Runs a change to what hangs off a member, audited with the member before and after. */
  private async change(actor: Actor, id: string, action: string, fn: (tx: Tx, scope: Scope, m: repo.MemberRecord) => Promise<unknown>) {
    const scope = requireScope(actor, 'member.write');
    return this.run(scope, async (tx): Promise<Member> => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.org_path);
      const before = await loadMember(tx, m);
      const detail = await fn(tx, scope, m);
      await repo.touchMember(tx, id);
      const after = await loadMember(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action,
        entityType: 'member',
        entityId: id,
        scopePath: m.org_path,
        before: auditView(before),
        after: auditView(after),
        detail: (detail as Record<string, unknown>) ?? null,
      });
      return after;
    });
  }

  private async visibleOrg(tx: Tx, scope: Scope, orgId: string | null, field: string) {
    if (!orgId) return null;
    const org = await repo.findOrg(tx, orgId);
    if (!org) throw invalid(field, 'Tổ chức không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    assertVisible(scope, org);
    return org;
  }

  addPost(actor: Actor, id: string, p: PostCreate) {
    return this.change(actor, id, 'member.post_add', async (tx, scope) => {
      const kind = POST_BY_CODE.get(p.code);
      if (!kind) throw invalid('code', 'Chức vụ không hợp lệ.');
      // A post held from now on is an appointment or promotion; recording one already ended is not.
      if (!p.toDate) await assertNotUnderDiscipline(tx, id, 'appoint', 'code');
      if (p.toDate && p.toDate < p.fromDate) throw invalid('toDate', 'Ngày kết thúc phải sau ngày bắt đầu.');
      await this.visibleOrg(tx, scope, p.orgId, 'orgId');
      await this.visibleOrg(tx, scope, p.managedByOrgId, 'managedByOrgId');
      const { id: postId } = await repo.insertPost(tx, {
        member_id: id,
        category: p.category ?? kind.category,
        code: kind.code,
        title: p.title?.normalize('NFC') ?? kind.label,
        org_id: p.orgId,
        workplace: p.workplace,
        is_head: kind.head,
        managed_by_org_id: p.managedByOrgId,
        sensitive_areas: [...new Set(p.sensitiveAreas)],
        from_date: p.fromDate,
        to_date: p.toDate,
      });
      return { postId };
    });
  }

  endPost(actor: Actor, id: string, postId: string, toDate: string) {
    return this.change(actor, id, 'member.post_end', async (tx) => {
      const post = await repo.findPost(tx, id, postId);
      if (!post) throw notFound('Chức vụ');
      if (toDate < post.from_date) throw invalid('toDate', 'Ngày kết thúc phải sau ngày bắt đầu giữ chức vụ.');
      await repo.endPost(tx, postId, toDate);
      return { postId, toDate };
    });
  }

  addRelative(actor: Actor, id: string, r: RelativeCreate) {
    return this.change(actor, id, 'member.relative_add', async (tx) => {
      const sealed = sealCccd(this.ctx.keyring, r.cccd);
      const { id: relativeId } = await repo.insertRelative(tx, {
        member_id: id,
        relation: r.relation,
        full_name: r.fullName.normalize('NFC').replace(/\s+/g, ' ').trim(),
        birth_date: r.birthDate,
        cccd_enc: sealed?.enc ?? null,
        cccd_hash: sealed?.hash ?? null,
        cccd_last4: sealed?.last4 ?? null,
        occupation: r.occupation,
        workplace: r.workplace,
      });
      return { relativeId };
    });
  }

  removeRelative(actor: Actor, id: string, relativeId: string) {
    return this.change(actor, id, 'member.relative_remove', async (tx) => {
      if (!(await repo.deleteRelative(tx, id, relativeId))) throw notFound('Người thân');
      return { relativeId };
    });
  }

  /** The CCCD in clear, for those who may and who say why; each reading is audited with its reason. */
  async revealCccd(actor: Actor, id: string, reason: string): Promise<{ cccd: string | null }> {
    const scope = requireScope(actor, 'member.identity.read');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      await appendAudit(tx, actor, {
        action: 'member.cccd_read',
        entityType: 'member',
        entityId: id,
        scopePath: m.org_path,
        detail: { reason },
      });
      return { cccd: openCccd(this.ctx.keyring, m.cccd_enc) };
    });
  }
}
