// Members: find, read, create, edit and transfer, within the actor's subtree and clearance.
// Every write is audited with digests of the record before and after.
import { cccdProblem } from '../../../../common/cccd.ts';
import type { Member, MemberQuery } from '../../../../common/members.ts';
import { POST_KINDS } from '../../../../common/posts.ts';
import { foldForSearch } from '../../../../common/text.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { memberDateProblems } from '../../domain/member-record.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWithinClearance, assertWritable, requireScope, type Scope } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { assertNotUnderDiscipline } from '../discipline/registry-hook.ts';
import { cccdHash, type MemberRowInput, memberRow, openCccd } from './member-row.ts';
import * as repo from './members.repository.ts';
import { auditView, loadMember, toListItem } from './members.view.ts';

/** Members belong to a chi bộ or a tổ chức cơ sở đảng (domain.md §1), not to a committee above them. */
const MEMBER_ORG_KINDS = new Set(['cell', 'grassroots']);

export interface MemberCreate extends MemberRowInput {
  orgId: string;
}

export class MemberService {
  protected readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  protected run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The member as the actor may see it, or 404. */
  protected async load(tx: Tx, scope: Scope, id: string): Promise<repo.MemberRecord> {
    const m = await repo.findMember(tx, id);
    if (!m) throw notFound('Đảng viên');
    assertVisible(scope, { path: m.org_path, secrecy: m.secrecy }, 'Đảng viên');
    return m;
  }

  protected async memberOrg(tx: Tx, scope: Scope, orgId: string, field: string) {
    const org = await repo.findOrg(tx, orgId);
    if (!org) throw invalid(field, 'Chi bộ không tồn tại hoặc nằm ngoài phạm vi của bạn.');
    assertWritable(scope, org.path);
    if (!MEMBER_ORG_KINDS.has(org.kind))
      throw invalid(field, 'Đảng viên sinh hoạt tại chi bộ hoặc tổ chức cơ sở đảng, không phải tại cấp ủy cấp trên.');
    if (org.valid_to) throw invalid(field, 'Tổ chức này đã giải thể hoặc sáp nhập.');
    return org;
  }

  /** `countCap`: how far to count (the list's default; the export asks for its own cap, then none). */
  async list(actor: Actor, q: MemberQuery, countCap = repo.COUNT_CAP) {
    const scope = requireScope(actor, 'member.read');
    return this.run(scope, async (tx) => {
      let path: string | null = null;
      if (q.orgId) {
        const org = await repo.findOrg(tx, q.orgId);
        if (!org) throw notFound('Tổ chức');
        assertVisible(scope, org, 'Tổ chức');
        path = org.path;
      }
      const provinces = provincesOf(path ? [path] : scope.system ? [] : scope.paths);
      // A whole province (or the whole country) is already said by the province filter: a path range
      // over it would only mislead the planner away from the name indexes.
      if (path && /^TW(\.T[0-9]+)?$/.test(path)) path = null;
      const text = q.q?.trim() ?? '';
      const digits = text.replace(/[\s.]/g, '');
      const isCccd = /^\d{12}$/.test(digits);
      const { rows, total, totalCapped } = await repo.searchMembers(
        tx,
        {
          path,
          provinces,
          namePrefix: !isCccd && text ? foldForSearch(text) : null,
          cccdHash: isCccd ? cccdHash(this.ctx.keyring, digits) : null,
          partyCardNo: !isCccd && /^[0-9A-Za-z.-]{4,20}$/.test(text) && /\d/.test(text) ? text : null,
          status: q.status ?? null,
          postCode: q.post ?? null,
        },
        { sort: q.sort, order: q.order, offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
        countCap,
      );
      await auditMarkedReads(
        tx,
        actor,
        'member',
        rows.map((r) => ({ id: r.id, path: r.org_path, secrecy: r.secrecy })),
      );
      return { items: rows.map(toListItem), total, totalCapped };
    });
  }

  /** Who holds an open post in exactly this unit, ordered as the post catalogue lists posts. */
  async postsIn(actor: Actor, orgId: string) {
    const scope = requireScope(actor, 'member.read');
    return this.run(scope, async (tx) => {
      const org = await repo.findOrg(tx, orgId);
      if (!org) throw notFound('Tổ chức');
      assertVisible(scope, org, 'Tổ chức');
      const rows = await repo.openPostsIn(tx, orgId);
      const order = new Map(POST_KINDS.map((k, i) => [k.code, i]));
      rows.sort((a, b) => (order.get(a.code) ?? 99) - (order.get(b.code) ?? 99) || (a.sort_key < b.sort_key ? -1 : 1));
      return rows.map((r) => ({
        postId: r.id,
        code: r.code,
        title: r.title,
        fromDate: r.from_date,
        memberId: r.member_id,
        fullName: r.full_name,
      }));
    });
  }

  async get(actor: Actor, id: string): Promise<Member> {
    const scope = requireScope(actor, 'member.read');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      await auditMarkedReads(tx, actor, 'member', [{ id: m.id, path: m.org_path, secrecy: m.secrecy }]);
      return loadMember(tx, m);
    });
  }

  private checkIdentity(input: Partial<MemberRowInput>) {
    if (input.cccd) {
      const problem = cccdProblem(input.cccd, input.birthDate, input.gender as 'male' | 'female' | null);
      if (problem) throw invalid('cccd', problem);
    }
    const [first] = memberDateProblems({
      status: input.status ?? null,
      birthDate: input.birthDate ?? null,
      admittedOn: input.admittedOn ?? null,
      confirmedOn: input.confirmedOn ?? null,
    });
    if (first) throw invalid(first.field, first.message.charAt(0).toUpperCase() + first.message.slice(1));
  }

  /** The unique CCCD and party card may belong to someone outside the actor's scope. */
  private async uniqueOrExplain<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const err = e as { code?: string; constraint?: string };
      if (err.code === '23505' && err.constraint?.includes('cccd')) throw invalid('cccd', 'Đã có đảng viên với số CCCD này.');
      if (err.code === '23505' && err.constraint?.includes('party_card'))
        throw invalid('partyCardNo', 'Số thẻ đảng viên này đã được dùng.');
      throw e;
    }
  }

  async create(actor: Actor, input: MemberCreate): Promise<Member> {
    const scope = requireScope(actor, 'member.write');
    this.checkIdentity(input);
    assertWithinClearance(actor, input.secrecy, 'secrecy');
    return this.run(scope, async (tx) => {
      const org = await this.memberOrg(tx, scope, input.orgId, 'orgId');
      const { id } = await this.uniqueOrExplain(() => repo.insertMember(tx, memberRow(this.ctx.keyring, input, org)));
      await repo.openTransfer(tx, id, org.id, input.admittedOn ?? new Date().toISOString().slice(0, 10), 'Khai báo ban đầu');
      const created = await loadMember(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'member.create',
        entityType: 'member',
        entityId: id,
        scopePath: org.path,
        after: auditView(created),
      });
      return created;
    });
  }

  async update(actor: Actor, id: string, input: Partial<MemberRowInput> & { version: number }): Promise<Member> {
    const scope = requireScope(actor, 'member.write');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.org_path);
      const before = await loadMember(tx, m);
      const merged: MemberRowInput = {
        fullName: input.fullName ?? m.full_name,
        gender: input.gender !== undefined ? input.gender : m.gender,
        birthDate: input.birthDate !== undefined ? input.birthDate : m.birth_date,
        // The stored number is checked again against a changed birth date or gender.
        cccd: input.cccd !== undefined ? input.cccd : openCccd(this.ctx.keyring, m.cccd_enc),
        partyCardNo: input.partyCardNo !== undefined ? input.partyCardNo : m.party_card_no,
        status: input.status ?? m.status,
        admittedOn: input.admittedOn !== undefined ? input.admittedOn : m.admitted_on,
        confirmedOn: input.confirmedOn !== undefined ? input.confirmedOn : m.confirmed_on,
        secrecy: input.secrecy ?? m.secrecy,
      };
      this.checkIdentity(merged);
      assertWithinClearance(actor, merged.secrecy, 'secrecy');
      const row = memberRow(this.ctx.keyring, merged, { id: m.org_id, path: m.org_path, province_code: m.province_code });
      const ok = await this.uniqueOrExplain(() => repo.updateMember(tx, id, input.version, row));
      if (!ok) throw conflict();
      const after = await loadMember(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'member.update',
        entityType: 'member',
        entityId: id,
        scopePath: m.org_path,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  async transfer(actor: Actor, id: string, t: { toOrgId: string; date: string; reason: string | null; version: number }): Promise<Member> {
    const scope = requireScope(actor, 'member.write');
    return this.run(scope, async (tx) => {
      const m = await this.load(tx, scope, id);
      assertWritable(scope, m.org_path);
      if (t.toOrgId === m.org_id) throw invalid('toOrgId', 'Đảng viên đang sinh hoạt tại chi bộ này.');
      await assertNotUnderDiscipline(tx, id, 'transfer', 'toOrgId');
      const target = await this.memberOrg(tx, scope, t.toOrgId, 'toOrgId');
      const open = await repo.openPeriod(tx, id);
      if (open && t.date <= open.from_date) throw invalid('date', 'Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.');
      const before = await loadMember(tx, m);
      const ok = await repo.updateMember(tx, id, t.version, {
        org_id: target.id,
        org_path: target.path,
        province_code: target.province_code,
      });
      if (!ok) throw conflict();
      await repo.closeOpenTransfer(tx, id, dayBefore(t.date));
      await repo.openTransfer(tx, id, target.id, t.date, t.reason);
      const after = await loadMember(tx, await this.load(tx, scope, id));
      await appendAudit(tx, actor, {
        action: 'member.transfer',
        entityType: 'member',
        entityId: id,
        scopePath: target.path,
        before: auditView(before),
        after: auditView(after),
        detail: { from: m.org_path, to: target.path, date: t.date },
      });
      return after;
    });
  }
}

/** The provinces a set of subtrees lies in ('TW.T40.X17662' → '40'); null when one covers the whole country. */
export function provincesOf(paths: string[]): string[] | null {
  if (paths.length === 0) return null;
  const codes = new Set<string>();
  for (const p of paths) {
    const m = /^TW\.T([0-9]+)(\.|$)/.exec(p);
    if (!m?.[1]) return null;
    codes.add(m[1]);
  }
  return [...codes];
}

export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
