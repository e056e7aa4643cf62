// Who holds an open party post in one unit (its committee, its inspection committee). The members
// list filters by post code over a subtree, not by the unit the post belongs to, so the candidates'
// profiles are read to keep only posts of this very unit. Bounded: past MAX_PROFILES the answer says
// it may be incomplete. (A `postOrgId` filter on GET /api/v1/members would make this one request.)
import { POST_KINDS } from '../../../common/posts.ts';
import { type MemberPost, membersApi } from './members.ts';

export const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'standing_member', 'committee_member'] as const;
export const UBKT_POSTS = ['ubkt_chair', 'ubkt_deputy', 'ubkt_member'] as const;
const MAX_PROFILES = 40;
const ORDER = new Map(POST_KINDS.map((p, i) => [p.code, i]));

export interface Holder {
  memberId: string;
  fullName: string;
  post: MemberPost;
}
export interface Leadership {
  holders: Holder[];
  /** True when there were too many candidates to check them all. */
  incomplete: boolean;
}

export async function leadershipOf(orgId: string, codes: readonly string[]): Promise<Leadership> {
  const pages = await Promise.all(codes.map((post) => membersApi.list({ orgId, post, page: 1, pageSize: 50 })));
  const ids = [...new Set(pages.flatMap((p) => p.items.map((m) => m.id)))];
  const incomplete = ids.length > MAX_PROFILES || pages.some((p) => p.total > p.items.length);
  const profiles = await Promise.all(ids.slice(0, MAX_PROFILES).map((id) => membersApi.get(id)));
  const holders = profiles.flatMap((m) =>
    m.posts
      .filter((p) => p.orgId === orgId && p.toDate === null && codes.includes(p.code))
      .map((post) => ({ memberId: m.id, fullName: m.fullName, post })),
  );
  holders.sort((a, b) => (ORDER.get(a.post.code) ?? 99) - (ORDER.get(b.post.code) ?? 99) || a.post.fromDate.localeCompare(b.post.fromDate));
  return { holders, incomplete };
}
