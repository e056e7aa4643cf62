// How petitions look on screen: status, kind and topic tags, and the deadline tag whose colour says how much
// time is left (on track, due soon, overdue, overdue and reported to the level above) in working days.
import { Tag, Tooltip } from 'antd';
import {
  PETITION_CHANNEL_LABELS,
  PETITION_CHANNELS,
  PETITION_CLOCK_STATE_LABELS,
  PETITION_CLOCK_STATES,
  PETITION_KIND_LABELS,
  PETITION_KINDS,
  PETITION_STATUS_LABELS,
  PETITION_STATUSES,
  PETITION_TOPIC_LABELS,
  PETITION_TOPICS,
  type PetitionChannel,
  type PetitionClockState,
  type PetitionKind,
  type PetitionStatus,
  type PetitionTopic,
  SCREENING_GROUND_LABELS,
  SCREENING_OUTCOME_LABELS,
  type ScreeningGround,
  type ScreeningOutcome,
  SENDER_IDENTITY_LABELS,
  type SenderIdentity,
} from '../../../../common/petitions.ts';
import { CLEARANCE_LABELS, type Clearance } from '../../../../common/roles.ts';
import type { PetitionClock } from '../../api/petitions.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';

export const kindLabel = (k: string) => PETITION_KIND_LABELS[k as PetitionKind] ?? k;
export const channelLabel = (c: string) => PETITION_CHANNEL_LABELS[c as PetitionChannel] ?? c;
export const topicLabel = (t: string) => PETITION_TOPIC_LABELS[t as PetitionTopic] ?? t;
export const statusLabel = (s: string) => PETITION_STATUS_LABELS[s as PetitionStatus] ?? s;
export const senderLabel = (s: string) => SENDER_IDENTITY_LABELS[s as SenderIdentity] ?? s;
export const groundLabel = (g: string) => SCREENING_GROUND_LABELS[g as ScreeningGround] ?? g;
export const outcomeLabel = (o: string) => SCREENING_OUTCOME_LABELS[o as ScreeningOutcome] ?? o;

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));
export const kindOptions = options(PETITION_KINDS, PETITION_KIND_LABELS);
/** Officers register every channel but the portal, where the sender files the letter himself. */
export const channelOptions = options(
  PETITION_CHANNELS.filter((c) => c !== 'portal'),
  PETITION_CHANNEL_LABELS,
);
export const topicOptions = options(PETITION_TOPICS, PETITION_TOPIC_LABELS);
export const statusOptions = options(PETITION_STATUSES, PETITION_STATUS_LABELS);
export const clockOptions = options(
  PETITION_CLOCK_STATES.filter((c) => c !== 'stopped'),
  PETITION_CLOCK_STATE_LABELS,
);

const STATUS_COLOURS: Record<PetitionStatus, string> = {
  received: 'blue',
  screening: 'processing',
  kept_as_information: 'default',
  forwarded: 'purple',
  refused: 'default',
  accepted: 'cyan',
  in_progress: 'geekblue',
  resolved: 'green',
  answered: 'success',
  withdrawn: 'default',
  closed: 'default',
};

export function PetitionStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLOURS[status as PetitionStatus] ?? 'default'} data-testid="petition-status">
      {statusLabel(status)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: string }) {
  return <Tag color={kind === 'denunciation' ? 'volcano' : kind === 'discipline_complaint' ? 'gold' : 'default'}>{kindLabel(kind)}</Tag>;
}

/** Dark red for a letter already reported to the level above: more urgent than plain "overdue". */
const ESCALATED = '#820014';
const CLOCK_COLOURS: Record<PetitionClockState, string> = {
  stopped: 'default',
  passed_to_new_committee: 'purple',
  on_track: 'green',
  due_soon: 'orange',
  overdue: 'red',
  escalated: ESCALATED,
};

/** "còn 5 ngày làm việc", "hạn cuối hôm nay", "quá hạn 3 ngày làm việc". */
export function clockText(clock: PetitionClock): string {
  const left = clock.workingDaysLeft;
  if (clock.state === 'stopped' || clock.state === 'passed_to_new_committee' || left === null)
    return PETITION_CLOCK_STATE_LABELS[clock.state];
  if (clock.state === 'overdue' || clock.state === 'escalated') {
    const late = left < 0 ? `quá hạn ${formatNumber(-left)} ngày làm việc` : 'đã quá hạn';
    return clock.state === 'escalated' ? `${late}, đã báo cáo cấp trên` : late;
  }
  return left === 0 ? 'hạn cuối hôm nay' : `còn ${formatNumber(left)} ngày làm việc`;
}

export function ClockTag({ clock, withDate = false }: { clock: PetitionClock; withDate?: boolean }) {
  const tag = (
    <Tag
      color={CLOCK_COLOURS[clock.state]}
      variant={clock.state === 'escalated' ? 'solid' : undefined}
      data-testid="petition-clock"
      data-state={clock.state}
    >
      {clockText(clock)}
    </Tag>
  );
  if (!clock.dueOn) return tag;
  return withDate ? (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDate(clock.dueOn)} {tag}
    </span>
  ) : (
    <Tooltip title={`Hạn giải quyết: ${formatDate(clock.dueOn)} (${PETITION_CLOCK_STATE_LABELS[clock.state]})`}>{tag}</Tooltip>
  );
}

/** Resemblance or cosine as a percentage: "87%". */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);

const TOPIC_METHOD_LABELS: Record<string, string> = {
  model: 'Hệ thống đề xuất (mô hình học)',
  lexicon: 'Hệ thống đề xuất (theo từ khóa)',
  officer: 'Cán bộ xác định',
};
export const topicMethodLabel = (m: string) => TOPIC_METHOD_LABELS[m] ?? m;

export const secrecyOptions = Object.entries(CLEARANCE_LABELS).map(([value, label]) => ({ value: Number(value), label }));
export function SecrecyTag({ secrecy }: { secrecy: number }) {
  if (secrecy <= 0) return null;
  return <Tag color="red">{CLEARANCE_LABELS[secrecy as Clearance] ?? 'Mật'}</Tag>;
}
