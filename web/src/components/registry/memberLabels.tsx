// Small renderers shared by the registry pages: status tag, post names, gender.
import { Tag } from 'antd';
import { GENDER_LABELS, MEMBER_STATUS_LABELS, type MemberStatus } from '../../../../common/members.ts';
import { POST_BY_CODE, POST_KINDS } from '../../../../common/posts.ts';

const STATUS_COLORS: Record<MemberStatus, string> = { probationary: 'gold', full: 'green', left: 'default', deceased: 'default' };

export function StatusTag({ status }: { status: MemberStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{MEMBER_STATUS_LABELS[status] ?? status}</Tag>;
}

/** A post code ('secretary') or an already written title ('Bí thư chi bộ') as the officer reads it. */
export const postLabel = (codeOrTitle: string): string => POST_BY_CODE.get(codeOrTitle)?.label ?? codeOrTitle;

export const genderLabel = (g: string | null): string => (g === 'male' || g === 'female' ? GENDER_LABELS[g] : '—');

export const statusOptions = (Object.keys(MEMBER_STATUS_LABELS) as MemberStatus[]).map((s) => ({
  value: s,
  label: MEMBER_STATUS_LABELS[s],
}));
export const postOptions = POST_KINDS.map((p) => ({ value: p.code, label: p.label }));
