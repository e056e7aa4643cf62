// The planner's proposals: for each unmet target, the subjects that would close the gap and why.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import type { ProposalView } from '../../../../common/coverage.ts';
import { coverageApi } from '../../api/coverage.ts';
import { formatDate } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

export function ProposalsTable({ orgId, year }: { orgId: string; year: number }) {
  const q = useQuery({ queryKey: ['coverage', 'proposals', orgId, year], queryFn: () => coverageApi.proposals(orgId, year, 20) });
  if (q.error) return <QueryError error={q.error} />;
  const gaps = q.data?.gaps ?? [];
  return (
    <Card title="Đề xuất đối tượng kiểm tra, giám sát để đạt chỉ tiêu" loading={q.isPending} data-testid="coverage-proposals">
      {q.data?.partial && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Phạm vi có nhiều đảng viên: đề xuất được chọn trong số những người lâu nhất chưa được kiểm tra, giám sát."
        />
      )}
      {gaps.length === 0 && !q.isPending && <Empty description="Các chỉ tiêu về đối tượng đã đạt: không cần đề xuất thêm." />}
      {gaps.map((g) => (
        <div key={g.targetId} style={{ marginBottom: 16 }} data-testid={`proposals-${g.targetId}`}>
          <Typography.Title level={5}>{g.text}</Typography.Title>
          <Table<ProposalView>
            rowKey={(p) => `${p.targetId}-${p.subjectId}`}
            size="small"
            pagination={false}
            dataSource={g.proposals}
            columns={[
              { title: 'Đối tượng', dataIndex: 'name', render: (n: string, p) => (p.subjectType === 'org' ? <strong>{n}</strong> : n) },
              {
                title: 'Lần gần nhất',
                dataIndex: 'lastCovered',
                width: 130,
                render: (d: string | null) => (d ? formatDate(d) : <Tag color="red">Chưa từng</Tag>),
              },
              { title: 'Lý do', dataIndex: 'reason' },
            ]}
          />
          {g.total > g.proposals.length && (
            <Typography.Text type="secondary">
              Hiển thị {g.proposals.length} trong {new Intl.NumberFormat('vi-VN').format(g.total)} đề xuất.
            </Typography.Text>
          )}
        </div>
      ))}
    </Card>
  );
}
