// The recent import runs in the caller's scope, newest first.
import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { IMPORT_KIND_LABELS, IMPORT_STATUS_LABELS, type ImportRun, importsApi } from '../../api/imports.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

const STATUS_COLORS = { applied: 'green', rejected: 'red', unchanged: 'default' } as const;

export function ImportRunsTable() {
  const runs = useQuery({ queryKey: ['imports', 'runs'], queryFn: importsApi.runs });
  if (runs.error) return <QueryError error={runs.error} testId="import-runs-error" />;
  return (
    <Table<ImportRun>
      rowKey="id"
      size="small"
      loading={runs.isPending}
      dataSource={runs.data?.items ?? []}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      scroll={{ x: 800 }}
      locale={{ emptyText: 'Chưa có lần nhập nào.' }}
      data-testid="import-runs"
      columns={[
        { title: 'Thời điểm', dataIndex: 'createdAt', width: 150, render: (d?: string) => formatDateTime(d) },
        { title: 'Loại dữ liệu', dataIndex: 'kind', width: 110, render: (k: ImportRun['kind']) => IMPORT_KIND_LABELS[k] ?? k },
        { title: 'Tệp', dataIndex: 'fileName', width: 220, ellipsis: true },
        {
          title: 'Kết quả',
          dataIndex: 'status',
          width: 150,
          render: (s: ImportRun['status']) => <Tag color={STATUS_COLORS[s]}>{IMPORT_STATUS_LABELS[s] ?? s}</Tag>,
        },
        { title: 'Số dòng', dataIndex: 'rowsTotal', width: 90, align: 'right', render: (n?: number) => formatNumber(n) },
        { title: 'Thêm mới', dataIndex: 'created', width: 90, align: 'right', render: (n?: number) => formatNumber(n) },
        { title: 'Cập nhật', dataIndex: 'updated', width: 90, align: 'right', render: (n?: number) => formatNumber(n) },
        {
          title: 'Số lỗi',
          key: 'errors',
          width: 80,
          align: 'right',
          render: (_, r) => formatNumber(r.errorCount ?? r.errors?.length ?? 0),
        },
      ]}
    />
  );
}
