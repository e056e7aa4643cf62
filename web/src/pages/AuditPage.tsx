// Audit log, newest first, and the integrity check of its hash chain.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { AUDIT_ACTION_LABELS, type AuditEntry } from '../../../common/audit.ts';
import { auditApi } from '../api/audit.ts';
import { errorMessage } from '../api/client.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { ENTITY_TYPE_LABELS } from '../i18n/labels.ts';

const actionOptions = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
const short = (s: string | null, n = 8) => (s ? (s.length > n ? `${s.slice(0, n)}…` : s) : '—');

export function AuditPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [action, setAction] = useState<string | undefined>(undefined);
  const list = useQuery({
    queryKey: ['audit', page, pageSize, action],
    queryFn: () => auditApi.list(page, pageSize, action),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: auditApi.verify });

  return (
    <>
      <PageHeader
        title="Nhật ký kiểm toán"
        description="Mọi thao tác ghi và mọi lần đọc dữ liệu mật đều được ghi lại thành một chuỗi liên kết bằng mã băm; không ai sửa, xóa được mà không bị phát hiện."
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="audit-verify"
          >
            Kiểm tra tính toàn vẹn
          </Button>
        }
      />
      <div data-testid="audit-verify-result" aria-live="polite">
        {verify.error && <Alert type="error" showIcon title={errorMessage(verify.error)} style={{ marginBottom: 16 }} />}
        {verify.data?.ok && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            title={`Chuỗi nhật ký toàn vẹn (${formatNumber(verify.data.checked)} bản ghi)`}
          />
        )}
        {verify.data && !verify.data.ok && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              verify.data.firstBroken
                ? `Chuỗi nhật ký bị phá vỡ tại bản ghi số ${verify.data.firstBroken.seq}`
                : 'Chuỗi nhật ký không toàn vẹn'
            }
            description={
              verify.data.firstBroken
                ? `Lý do: ${verify.data.firstBroken.reason}. Đã kiểm tra ${formatNumber(verify.data.checked)} bản ghi. Hãy báo ngay cho người phụ trách an toàn thông tin.`
                : undefined
            }
          />
        )}
      </div>
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Lọc theo hành động"
            aria-label="Lọc theo hành động"
            options={actionOptions}
            value={action}
            onChange={(v?: string) => {
              setAction(v);
              setPage(1);
            }}
            style={{ width: 300 }}
          />
        </Space>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="audit-table"
          locale={{ emptyText: 'Chưa có bản ghi nhật ký nào.' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `Tổng số ${formatNumber(total)} bản ghi`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          columns={[
            { title: 'Số', dataIndex: 'seq', width: 80, render: (n: number) => formatNumber(n) },
            { title: 'Thời gian', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
            { title: 'Người thực hiện', dataIndex: 'actorName', render: (n: string | null) => n ?? 'Hệ thống' },
            {
              title: 'Hành động',
              dataIndex: 'action',
              render: (a: string) => (AUDIT_ACTION_LABELS[a] ? <Tooltip title={a}>{AUDIT_ACTION_LABELS[a]}</Tooltip> : <code>{a}</code>),
            },
            {
              title: 'Đối tượng',
              key: 'entity',
              render: (_, e) =>
                e.entityType ? (
                  <Tooltip title={e.entityId ?? undefined}>
                    {ENTITY_TYPE_LABELS[e.entityType] ?? e.entityType}{' '}
                    <Typography.Text type="secondary">{short(e.entityId)}</Typography.Text>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            {
              title: 'Mã yêu cầu',
              dataIndex: 'requestId',
              render: (r: string | null) => (r ? <Typography.Text copyable={{ text: r }}>{short(r, 12)}</Typography.Text> : '—'),
            },
            {
              title: 'Mã băm',
              dataIndex: 'hash',
              render: (h: string) => (
                <Tooltip title={h}>
                  <code>{short(h, 12)}</code>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
