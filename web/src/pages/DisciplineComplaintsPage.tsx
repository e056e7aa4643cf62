// Complaints about discipline (issue #5 point 5): the list with its status and the resolution deadline
// (overdue in red, due within 5 working days in orange), and "Nhận đơn khiếu nại".
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { COMPLAINT_OUTCOME_LABELS, FORM_LABELS } from '../../../common/discipline.ts';
import {
  COMPLAINT_DUE_SOON_WORKING_DAYS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_STATUSES,
  type ComplaintItem,
  type ComplaintStatus,
} from '../../../common/discipline-complaints.ts';
import { disciplineComplaintsApi } from '../api/discipline-complaints.ts';
import { ComplaintFileModal } from '../components/discipline-complaints/ComplaintFileModal.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate } from '../i18n/format.ts';

const PAGE_SIZE = 50;
const STATUS_COLOURS: Record<ComplaintStatus, string> = { received: 'default', refused: 'orange', accepted: 'blue', resolved: 'green' };
const DUE_COLOURS = { overdue: 'red', due_soon: 'orange', on_track: undefined } as const;
const DUE_TEXT = { overdue: 'Quá hạn giải quyết', due_soon: 'Sắp đến hạn giải quyết', on_track: 'Trong hạn' } as const;

function Due({ item }: { item: ComplaintItem }) {
  if (!item.dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  const colour = item.dueState ? DUE_COLOURS[item.dueState] : undefined;
  if (!colour || !item.dueState) return <span>{formatDate(item.dueOn)}</span>;
  return (
    <Tooltip title={DUE_TEXT[item.dueState]}>
      <Tag color={colour} data-testid={`complaint-due-${item.id}`}>
        {formatDate(item.dueOn)}
      </Tag>
    </Tooltip>
  );
}

export function DisciplineComplaintsPage() {
  const me = useSession();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [status, setStatus] = useState<ComplaintStatus | undefined>();
  const [page, setPage] = useState(1);
  const [filing, setFiling] = useState(false);
  const filter = { orgId, status, page, pageSize: PAGE_SIZE };
  const q = useQuery({
    queryKey: ['discipline-complaints', 'list', filter],
    queryFn: ({ signal }) => disciplineComplaintsApi.list(filter, signal),
  });
  return (
    <>
      <PageHeader
        title="Khiếu nại kỷ luật đảng"
        description={`Đơn khiếu nại về quyết định kỷ luật, do cấp trên trực tiếp của cấp đã quyết định giải quyết. Hạn màu đỏ là quá hạn; màu cam là còn không quá ${COMPLAINT_DUE_SOON_WORKING_DAYS} ngày làm việc. Trong thời gian giải quyết, người bị kỷ luật vẫn phải chấp hành quyết định.`}
        extra={
          hasPermission(me, 'discipline.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="complaint-file-open-modal">
              Nhận đơn khiếu nại
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgPicker
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              setPage(1);
            }}
            allowClear
            placeholder="Cấp giải quyết (và cấp dưới)"
            aria-label="Tổ chức"
            data-testid="complaint-filter-org"
          />
          <Select<ComplaintStatus | 'all'>
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              setPage(1);
            }}
            style={{ width: 200 }}
            aria-label="Trạng thái"
            data-testid="complaint-filter-status"
            options={[
              { value: 'all', label: 'Mọi trạng thái' },
              ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: COMPLAINT_STATUS_LABELS[s] })),
            ]}
          />
        </Space>
        {q.error ? (
          <QueryError error={q.error} />
        ) : (
          <Table<ComplaintItem>
            rowKey="id"
            loading={q.isPending}
            dataSource={q.data?.items ?? []}
            data-testid="complaint-table"
            pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              {
                title: 'Người khiếu nại',
                render: (_, c) => (
                  <Link to={`/ky-luat/khieu-nai/${c.id}`} data-testid={`complaint-link-${c.id}`}>
                    {c.complainantName}
                  </Link>
                ),
              },
              {
                title: 'Quyết định',
                render: (_, c) => `${FORM_LABELS[c.decisionForm]}${c.decisionNumber ? ` — ${c.decisionNumber}` : ''}`,
              },
              { title: 'Cấp quyết định', dataIndex: 'decidingOrgName' },
              { title: 'Cấp giải quyết', render: (_, c) => `${c.resolverOrgName}${c.isFinalLevel ? ' (cấp cuối cùng)' : ''}` },
              { title: 'Ngày nộp', render: (_, c) => formatDate(c.filedOn) },
              {
                title: 'Trạng thái',
                render: (_, c) => (
                  <Tag color={STATUS_COLOURS[c.status]}>
                    {COMPLAINT_STATUS_LABELS[c.status]}
                    {c.outcome ? `: ${COMPLAINT_OUTCOME_LABELS[c.outcome].toLowerCase()}` : ''}
                  </Tag>
                ),
              },
              { title: 'Hạn giải quyết', render: (_, c) => <Due item={c} /> },
            ]}
          />
        )}
      </Card>
      {filing && <ComplaintFileModal onClose={() => setFiling(false)} onFiled={() => void q.refetch()} />}
    </>
  );
}
