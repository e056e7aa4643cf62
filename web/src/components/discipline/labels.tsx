// Labels and tags the discipline pages share: forms, statuses, sources, body types.
import { Tag } from 'antd';
import { BODY_TYPE_LABELS, type BodyType } from '../../../../common/cases.ts';
import {
  type DisciplineForm,
  FORM_LABELS,
  isDisciplineForm,
  MATTER_SOURCE_LABELS,
  MATTER_STATUS_LABELS,
  MATTER_STATUSES,
  type MatterSource,
  type MatterStatus,
} from '../../../../common/discipline.ts';

export const formLabel = (f: string | null | undefined): string =>
  f && isDisciplineForm(f) ? FORM_LABELS[f as DisciplineForm] : (f ?? '');
export const sourceLabel = (s: string): string => MATTER_SOURCE_LABELS[s as MatterSource] ?? s;
export const bodyTypeLabel = (b: string): string => BODY_TYPE_LABELS[b as BodyType] ?? b;
export const statusOptions = MATTER_STATUSES.map((s) => ({ value: s, label: MATTER_STATUS_LABELS[s] }));

const STATUS_COLORS: Record<MatterStatus, string> = {
  open: 'processing',
  postponed: 'warning',
  decided: 'success',
  no_discipline: 'default',
  withdrawn: 'default',
};

export function MatterStatusTag({ status }: { status: string }) {
  const s = status as MatterStatus;
  return <Tag color={STATUS_COLORS[s] ?? 'default'}>{MATTER_STATUS_LABELS[s] ?? status}</Tag>;
}

export function FormTag({ form }: { form: string | null }) {
  if (!form) return null;
  const heavy = form === 'expulsion' || form === 'dissolution' || form === 'removal';
  return <Tag color={heavy ? 'red' : 'orange'}>{formLabel(form)}</Tag>;
}

const DECISION_STATUS_LABELS: Record<string, string> = {
  in_force: 'Đang có hiệu lực',
  changed: 'Đã thay đổi theo giải quyết khiếu nại',
  annulled: 'Đã xóa bỏ',
};
export const decisionStatusLabel = (s: string) => DECISION_STATUS_LABELS[s] ?? s;
