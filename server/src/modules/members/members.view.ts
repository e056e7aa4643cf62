// Database rows → API shapes. The CCCD leaves only as its last four digits.
import { maskCccd } from '../../../../common/cccd.ts';
import type { Member, MemberListItem } from '../../../../common/members.ts';
import type { Tx } from '../../db/context.ts';
import * as repo from './members.repository.ts';

type Summary = Omit<MemberListItem, 'currentPosts'>;
type SummaryRow = Pick<
  repo.MemberListRow,
  'id' | 'full_name' | 'gender' | 'birth_date' | 'cccd_last4' | 'party_card_no' | 'status' | 'org_id' | 'org_name'
>;

/** What a list and a profile both show of a member. */
function summary(r: SummaryRow): Summary {
  return {
    id: r.id,
    fullName: r.full_name,
    gender: r.gender as Summary['gender'],
    birthDate: r.birth_date,
    cccdMasked: maskCccd(r.cccd_last4),
    partyCardNo: r.party_card_no,
    status: r.status as Summary['status'],
    orgId: r.org_id,
    orgName: r.org_name,
  };
}

export function toListItem(r: repo.MemberListRow): MemberListItem {
  return { ...summary(r), currentPosts: r.current_posts };
}

export async function loadMember(tx: Tx, m: repo.MemberRecord): Promise<Member> {
  const [posts, relatives, transfers] = await Promise.all([repo.postsOf(tx, m.id), repo.relativesOf(tx, m.id), repo.transfersOf(tx, m.id)]);
  return {
    ...summary(m),
    orgPath: m.org_path,
    provinceCode: m.province_code,
    admittedOn: m.admitted_on,
    confirmedOn: m.confirmed_on,
    secrecy: m.secrecy,
    version: m.version,
    updatedAt: m.updated_at.toISOString(),
    currentPosts: posts.filter((p) => p.to_date === null).map((p) => p.title),
    posts: posts.map((p) => ({
      id: p.id,
      category: p.category as Member['posts'][number]['category'],
      code: p.code,
      title: p.title,
      orgId: p.org_id,
      orgName: p.org_name,
      workplace: p.workplace,
      isHead: p.is_head,
      managedByOrgId: p.managed_by_org_id,
      managedByOrgName: p.managed_by_org_name,
      sensitiveAreas: p.sensitive_areas as Member['posts'][number]['sensitiveAreas'],
      fromDate: p.from_date,
      toDate: p.to_date,
    })),
    relatives: relatives.map((r) => ({
      id: r.id,
      relation: r.relation as Member['relatives'][number]['relation'],
      fullName: r.full_name,
      birthDate: r.birth_date,
      cccdMasked: maskCccd(r.cccd_last4),
      occupation: r.occupation,
      workplace: r.workplace,
    })),
    transfers: transfers.map((t) => ({
      id: t.id,
      orgId: t.org_id,
      orgName: t.org_name ?? 'Tổ chức không còn hiển thị',
      orgPath: t.org_path ?? '',
      fromDate: t.from_date,
      toDate: t.to_date,
      reason: t.reason,
    })),
  };
}

/** What an audit entry records of a member: no identifiers in clear, no ciphertext. */
export function auditView(m: Member) {
  return { ...m, relatives: m.relatives.map((r) => ({ ...r, cccdMasked: r.cccdMasked ? 'có' : null })) };
}
