// The unit's lifecycle history: closures, merges, splits, with the decision and who moved where.
import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ORG_EVENT_LABELS, type OrgEvent } from '../../../../common/org-lifecycle.ts';
import { orgLifecycleApi } from '../../api/orgs.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

type Ref = OrgEvent['fromOrgs'][number];
const refs = (list: Ref[]) =>
  list.length === 0
    ? '—'
    : list.map((o, i) => (
        <span key={o.id}>
          {i > 0 && '; '}
          {o.name ? <Link to={`/to-chuc/${o.id}`}>{o.name}</Link> : '(ngoài phạm vi của bạn)'}
        </span>
      ));

export function OrgEventsTable({ orgId }: { orgId: string }) {
  const q = useQuery({ queryKey: ['org-events', orgId], queryFn: () => orgLifecycleApi.events(orgId) });
  if (q.error) return <QueryError error={q.error} testId="org-events-error" />;
  return (
    <Table<OrgEvent>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data?.items ?? []}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: 'Chưa có sự kiện giải thể, sáp nhập hay chia tách nào.' }}
      data-testid="org-events"
      columns={[
        { title: 'Ngày hiệu lực', dataIndex: 'effectiveDate', width: 120, render: (d: string) => formatDate(d) },
        { title: 'Sự kiện', dataIndex: 'kind', width: 150, render: (k: OrgEvent['kind']) => <Tag>{ORG_EVENT_LABELS[k] ?? k}</Tag> },
        { title: 'Đơn vị chấm dứt', dataIndex: 'fromOrgs', width: 220, render: refs },
        { title: 'Đơn vị tiếp nhận, đơn vị mới', dataIndex: 'toOrgs', width: 220, render: refs },
        { title: 'Số quyết định', dataIndex: 'decisionNo', width: 130, render: (s: string | null) => s ?? '—' },
        { title: 'Đảng viên chuyển', dataIndex: 'membersMoved', width: 120, align: 'right', render: (n: number) => formatNumber(n) },
        { title: 'Ghi chú', dataIndex: 'note', render: (s: string | null) => s ?? '' },
      ]}
    />
  );
}
