// Who holds an open party post in exactly one unit (its committee, its inspection committee): one
// request to GET /api/v1/orgs/:id/posts, filtered here by the posts a card shows.
import type { UnitPost } from '../../../common/members.ts';
import { api } from './client.ts';

export const COMMITTEE_POSTS = ['secretary', 'deputy_secretary', 'standing_member', 'committee_member'] as const;
export const UBKT_POSTS = ['ubkt_chair', 'ubkt_deputy', 'ubkt_member'] as const;

export type Holder = UnitPost;

export async function leadershipOf(orgId: string, codes: readonly string[]): Promise<Holder[]> {
  const { items } = await api.get<{ items: UnitPost[] }>(`/api/v1/orgs/${encodeURIComponent(orgId)}/posts`);
  return items.filter((p) => codes.includes(p.code));
}
