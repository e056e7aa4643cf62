// The items of a programme: what is planned on whom, and the case run from each, or the button that
// opens it once the programme is approved.
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, stepLabel } from '../../../../common/cases.ts';
import { ITEM_STATUS_LABELS, type Programme, type ProgrammeItem } from '../../../../common/programmes.ts';
import { formatDate } from '../../i18n/format.ts';

export function periodText(year: number, from: string | null, to: string | null): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `Từ ${formatDate(from)}`;
  if (to) return `Đến ${formatDate(to)}`;
  return `Năm ${year}`;
}

export function ItemsTable({
  programme,
  canWrite,
  opening,
  onEdit,
  onCancel,
  onOpenCase,
}: {
  programme: Programme;
  canWrite: boolean;
  /** The item whose case is being opened. */
  opening: string | null;
  onEdit: (i: ProgrammeItem) => void;
  onCancel: (i: ProgrammeItem) => void;
  onOpenCase: (i: ProgrammeItem) => void;
}) {
  const editable = canWrite && programme.status !== 'approved';
  const runnable = canWrite && programme.status === 'approved';
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={programme.items}
      data-testid="programme-items"
      locale={{ emptyText: 'Chưa có nội dung nào' }}
      // Fixed columns add up to more than a laptop screen: scroll sideways rather than squeeze the topic.
      scroll={{ x: 1400 }}
      columns={[
        { title: 'TT', dataIndex: 'seq', width: 50 },
        { title: 'Loại công việc', dataIndex: 'kind', width: 200, render: (k: ProgrammeItem['kind']) => CASE_KIND_LABELS[k] },
        {
          title: 'Đối tượng',
          dataIndex: 'subjectName',
          width: 200,
          render: (n: string, i) => (
            <>
              {n}
              <br />
              <Typography.Text type="secondary">{i.subjectType === 'member' ? 'Đảng viên' : 'Tổ chức đảng'}</Typography.Text>
            </>
          ),
        },
        {
          title: 'Nội dung',
          dataIndex: 'topic',
          width: 280,
          render: (t: string, i) =>
            i.status === 'cancelled' ? (
              <>
                <Typography.Text delete>{t}</Typography.Text>
                <br />
                <Tag>{ITEM_STATUS_LABELS.cancelled}</Tag>
                <Typography.Text type="secondary">{i.cancelledReason}</Typography.Text>
              </>
            ) : (
              t
            ),
        },
        { title: 'Thời gian', key: 'period', width: 180, render: (_: unknown, i) => periodText(i.year, i.periodFrom, i.periodTo) },
        {
          title: 'Chủ trì, phụ trách',
          key: 'responsible',
          width: 180,
          render: (_: unknown, i) => [i.responsibleOrgName, i.leadName].filter(Boolean).join(' — '),
        },
        {
          title: 'Cuộc kiểm tra, giám sát',
          key: 'case',
          width: 220,
          render: (_: unknown, i) => {
            if (i.case)
              return (
                <Link to={`/kiem-tra-giam-sat/cuoc/${i.case.id}`} data-testid={`item-case-${i.seq}`}>
                  {i.case.code}
                  <br />
                  <Typography.Text type="secondary">
                    {i.case.status === 'open' ? stepLabel(i.kind, i.case.step) : CASE_STATUS_LABELS[i.case.status]}
                  </Typography.Text>
                </Link>
              );
            if (runnable && i.status === 'planned')
              return (
                <Button size="small" loading={opening === i.id} onClick={() => onOpenCase(i)} data-testid={`item-open-case-${i.seq}`}>
                  Lập cuộc kiểm tra/giám sát
                </Button>
              );
            return null;
          },
        },
        ...(editable
          ? [
              {
                title: '',
                key: 'actions',
                width: 120,
                render: (_: unknown, i: ProgrammeItem) =>
                  i.status === 'planned' && (
                    <Space size={4}>
                      <Button size="small" type="link" onClick={() => onEdit(i)} data-testid={`item-edit-${i.seq}`}>
                        Sửa
                      </Button>
                      <Tooltip title={i.case ? 'Nội dung đã có cuộc kiểm tra, giám sát' : undefined}>
                        <Button size="small" type="link" danger onClick={() => onCancel(i)} data-testid={`item-cancel-${i.seq}`}>
                          Hủy
                        </Button>
                      </Tooltip>
                    </Space>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
