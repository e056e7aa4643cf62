// The rule of a post import: the member found by CCCD or party card within scope, the post by its label
// or code, sensitive areas by their labels; a post is the same when member, post and start date agree.
import { randomUUID } from 'node:crypto';
import { cccdProblem, normaliseCccd } from '../../../../common/cccd.ts';
import { POST_KINDS, type PostKind, SENSITIVE_AREA_LABELS, SENSITIVE_AREAS } from '../../../../common/posts.ts';
import { foldForSearch } from '../../../../common/text.ts';
import type { Keyring } from '../../platform/crypto.ts';
import { underDisciplineMessage } from '../discipline/registry-hook.ts';
import { cccdHash } from '../members/member-row.ts';
import { FirstSeen, rowReader } from './fields.ts';
import type { OrgRef, StoredMember } from './members.repository.ts';
import type { PostWrite, StoredPost } from './orgs-posts.repository.ts';
import { type RowError, rowError, type SheetRow } from './parse.ts';

export interface PostCandidate {
  row: number;
  cccd: string | null;
  hash: Buffer | null;
  partyCardNo: string | null;
  kind: PostKind;
  title: string;
  orgCode: string | null;
  workplace: string | null;
  areas: string[];
  fromDate: string;
  toDate: string | null;
}

const KINDS: Record<string, PostKind> = Object.fromEntries([...POST_KINDS.map((p) => [p.label, p]), ...POST_KINDS.map((p) => [p.code, p])]);
const AREAS = new Map<string, string>([
  ...SENSITIVE_AREAS.map((a) => [foldForSearch(SENSITIVE_AREA_LABELS[a]), a] as const),
  ...SENSITIVE_AREAS.map((a) => [a, a] as const),
]);

export function readPostRows(rows: SheetRow[], ring: Keyring, errors: RowError[]): PostCandidate[] {
  const out: PostCandidate[] = [];
  for (const sheetRow of rows) {
    const r = rowReader('posts', sheetRow, errors);
    const cccd = normaliseCccd(r.text('cccd')) || null;
    const partyCardNo = r.text('partyCardNo') || null;
    if (!cccd && !partyCardNo) r.fail('cccd', 'cần ghi Số CCCD hoặc Số thẻ đảng viên để tìm đảng viên.');
    const problem = cccd ? cccdProblem(cccd) : null;
    if (problem) r.fail('cccd', `"${cccd}": ${problem}`);
    const kind = r.text('code', { required: true }) ? r.choice('code', KINDS, 'một chức vụ trong trang "Hướng dẫn"') : null;
    const title = r.text('title', { max: 200 });
    const orgCode = r.text('orgCode') || null;
    const workplace = r.text('workplace', { max: 300 }) || null;
    const areas: string[] = [];
    for (const part of r.text('sensitiveAreas').split(';')) {
      const label = part.trim();
      if (!label) continue;
      const area = AREAS.get(foldForSearch(label));
      if (area) areas.push(area);
      else
        r.fail('sensitiveAreas', `"${label}" không phải lĩnh vực nhạy cảm trong danh mục; các lĩnh vực ngăn cách bằng dấu chấm phẩy (;).`);
    }
    const fromDate = r.date('fromDate', { required: true });
    const toDate = r.date('toDate');
    if (fromDate && toDate && toDate < fromDate) r.fail('toDate', 'ngày kết thúc phải sau ngày bắt đầu.');
    if (r.failed || !kind || !fromDate) continue;
    out.push({
      row: r.row,
      cccd,
      hash: cccd ? cccdHash(ring, cccd) : null,
      partyCardNo,
      kind,
      title: title || kind.label,
      orgCode,
      workplace,
      areas: [...new Set(areas)].sort(),
      fromDate,
      toDate: toDate ?? null,
    });
  }
  return out;
}

export interface PostPlan {
  inserts: PostWrite[];
  updates: PostWrite[];
  unchanged: number;
}

export function planPosts(
  cands: PostCandidate[],
  look: { members: StoredMember[]; orgs: Map<string, OrgRef>; posts: StoredPost[]; underDiscipline: Set<string> },
  errors: RowError[],
  header: (key: string) => string,
): PostPlan {
  const byHash = new Map(look.members.filter((m) => m.cccd_hash).map((m) => [(m.cccd_hash as Buffer).toString('hex'), m]));
  const byCard = new Map(look.members.filter((m) => m.party_card_no).map((m) => [m.party_card_no as string, m]));
  const postKey = (memberId: string, code: string, from: string) => `${memberId}|${code}|${from}`;
  const stored = new Map(look.posts.map((p) => [postKey(p.member_id, p.code, p.from_date), p]));
  const seen = new FirstSeen();
  const plan: PostPlan = { inserts: [], updates: [], unchanged: 0 };
  for (const c of cands) {
    const before = errors.length;
    const fail = (key: string, message: string) => errors.push(rowError(c.row, header(key), message));
    const viaHash = c.hash ? byHash.get(c.hash.toString('hex')) : undefined;
    const viaCard = c.partyCardNo ? byCard.get(c.partyCardNo) : undefined;
    const member = viaHash ?? viaCard;
    if (c.hash && !viaHash) fail('cccd', `không tìm thấy đảng viên có số CCCD "${c.cccd}" trong phạm vi của bạn.`);
    else if (!c.hash && !viaCard) fail('partyCardNo', `không tìm thấy đảng viên có số thẻ "${c.partyCardNo}" trong phạm vi của bạn.`);
    else if (viaHash && c.partyCardNo && viaHash.party_card_no !== c.partyCardNo) {
      fail('partyCardNo', 'số thẻ đảng viên không khớp với đảng viên tìm theo số CCCD.');
    }
    const org = c.orgCode ? look.orgs.get(c.orgCode) : undefined;
    if (c.orgCode && !org) fail('orgCode', `mã "${c.orgCode}" không tồn tại hoặc ngoài phạm vi của bạn.`);
    if (!member || errors.length > before) continue;
    const key = postKey(member.id, c.kind.code, c.fromDate);
    const dup = seen.check(key, c.row);
    if (dup !== null) {
      fail('code', `trùng chức vụ và ngày bắt đầu của cùng đảng viên với dòng ${dup}.`);
      continue;
    }
    const existing = stored.get(key);
    // A new post held from now on is an appointment or promotion (domain.md §4), as in the member form.
    if (!existing && !c.toDate && look.underDiscipline.has(member.id)) {
      fail('code', underDisciplineMessage('appoint'));
      continue;
    }
    const row: PostWrite = {
      id: existing?.id ?? randomUUID(),
      member_id: member.id,
      category: c.kind.category,
      code: c.kind.code,
      title: c.title,
      org_id: org?.id ?? existing?.org_id ?? null,
      workplace: c.workplace ?? existing?.workplace ?? null,
      is_head: c.kind.head,
      areas: c.areas.join(','),
      from_date: c.fromDate,
      to_date: c.toDate ?? existing?.to_date ?? null,
    };
    if (!existing) plan.inserts.push(row);
    else if (
      existing.title === row.title &&
      existing.org_id === row.org_id &&
      existing.workplace === row.workplace &&
      [...existing.sensitive_areas].sort().join(',') === row.areas &&
      existing.to_date === row.to_date
    ) {
      plan.unchanged += 1;
    } else plan.updates.push(row);
  }
  return plan;
}
