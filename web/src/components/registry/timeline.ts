// The member timeline is a list of typed events from small adapters, one per source. The registry
// gives posts and cell transfers; later modules (inspections, discipline, petitions) add an adapter
// of their own and pass its events to <MemberTimeline>, which merges and orders them.

import { SENSITIVE_AREA_LABELS, type SensitiveArea } from '../../../../common/posts.ts';
import type { Member } from '../../api/members.ts';
import { formatDate } from '../../i18n/format.ts';
import { postLabel } from './memberLabels.tsx';

export type TimelineKind = 'post' | 'transfer' | 'inspection' | 'discipline' | 'petition' | 'other';

export interface TimelineEvent {
  /** Unique across every source: prefix it with the source ("post:…"). */
  key: string;
  kind: TimelineKind;
  /** yyyy-mm-dd: where the event sits on the line. */
  date: string;
  /** For events that last (a post, a period in a cell): the last day, or null while it lasts. */
  endDate?: string | null;
  title: string;
  /** Organisation, place, reason: one line of plain text each. */
  lines?: string[];
  tags?: { label: string; color?: string }[];
  /** A page that shows the event in full. */
  href?: string;
}

export type TimelineAdapter = (m: Member) => TimelineEvent[];

export const postEvents: TimelineAdapter = (m) =>
  m.posts.map((p) => ({
    key: `post:${p.id}`,
    kind: 'post',
    date: p.fromDate,
    endDate: p.toDate,
    title: p.title || postLabel(p.code),
    lines: [p.orgName ?? p.workplace ?? '', p.managedByOrgName ? `Cán bộ thuộc diện ${p.managedByOrgName} quản lý` : ''].filter(Boolean),
    tags: [
      ...(p.isHead ? [{ label: 'Người đứng đầu', color: 'blue' }] : []),
      ...p.sensitiveAreas.map((a) => ({ label: SENSITIVE_AREA_LABELS[a as SensitiveArea] ?? a, color: 'volcano' })),
    ],
  }));

export const transferEvents: TimelineAdapter = (m) => {
  const periods = [...m.transfers].sort((a, b) => a.fromDate.localeCompare(b.fromDate));
  return periods.map((t, i) => ({
    key: `transfer:${t.id}`,
    kind: 'transfer',
    date: t.fromDate,
    endDate: t.toDate,
    title: i === 0 ? `Sinh hoạt tại ${t.orgName}` : `Chuyển sinh hoạt đến ${t.orgName}`,
    lines: [i > 0 ? `Từ ${periods[i - 1]?.orgName ?? ''}` : '', t.reason ? `Lý do: ${t.reason}` : ''].filter(Boolean),
    href: `/to-chuc/${t.orgId}`,
  }));
};

/** The registry's own adapters; a module adds its events next to these. */
export const REGISTRY_TIMELINE: readonly TimelineAdapter[] = [postEvents, transferEvents];

/** Newest first; on the same day, the event that started later in the list order stays first. */
export function orderTimeline(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key));
}

/** "01/02/2020 – nay", "01/02/2020 – 31/12/2024", or one date for an instant event. */
export function periodText(e: Pick<TimelineEvent, 'date' | 'endDate'>): string {
  if (e.endDate === undefined) return formatDate(e.date);
  return `${formatDate(e.date)} – ${e.endDate ? formatDate(e.endDate) : 'nay'}`;
}
