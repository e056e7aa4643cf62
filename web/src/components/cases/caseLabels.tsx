// How a case's status and deadlines look on screen: a coloured tag, and a date in red when past,
// orange when within three working days (domain.md §8: warned before they fall due).
import { useQuery } from '@tanstack/react-query';
import { Tag, Tooltip, Typography } from 'antd';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, type CaseKind, type CaseStatus } from '../../../../common/cases.ts';
import { api } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import { todayIso } from '../dates.ts';

const STATUS_COLOURS: Record<CaseStatus, string> = { open: 'processing', suspended: 'warning', cancelled: 'default', closed: 'success' };

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="case-status">
      {CASE_STATUS_LABELS[status]}
    </Tag>
  );
}

export const kindLabel = (k: string) => CASE_KIND_LABELS[k as CaseKind] ?? k;
export const kindOptions = Object.entries(CASE_KIND_LABELS).map(([value, label]) => ({ value, label }));
export const statusOptions = Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** The day three working days from today, on the recorded calendar: a deadline on or before it is near. */
export function useSoonThreshold(): { today: string; soon: string | null } {
  const today = todayIso();
  const q = useQuery({
    queryKey: ['calendar', 'working-days', today, 3],
    queryFn: () => api.get<{ due: string }>(`/api/v1/calendar/working-days?from=${today}&days=3`),
    staleTime: 3600_000,
  });
  return { today, soon: q.data?.due ?? null };
}

export function DueDate({ date, live, soon, today }: { date: string | null; live: boolean; soon: string | null; today: string }) {
  if (!date) return <Typography.Text type="secondary">—</Typography.Text>;
  if (!live) return <span>{formatDate(date)}</span>;
  if (date < today)
    return (
      <Tooltip title="Đã quá hạn">
        <Typography.Text type="danger" strong data-testid="due-overdue">
          {formatDate(date)}
        </Typography.Text>
      </Tooltip>
    );
  if (soon && date <= soon)
    return (
      <Tooltip title="Đến hạn trong 3 ngày làm việc">
        <Typography.Text type="warning" strong data-testid="due-soon">
          {formatDate(date)}
        </Typography.Text>
      </Tooltip>
    );
  return <span>{formatDate(date)}</span>;
}
