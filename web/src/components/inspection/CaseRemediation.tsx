// The remediation items of one case, inside the case page: what the conclusion requires, who answers
// for it, by when, and the evidence that it was done.
import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { remediationApi } from '../../api/remediation.ts';
import { QueryError } from '../QueryState.tsx';
import { RemediationTable } from './RemediationTable.tsx';

export function CaseRemediation({ caseId }: { caseId: string }) {
  const q = useQuery({ queryKey: ['remediation', 'case', caseId], queryFn: () => remediationApi.ofCase(caseId) });
  const open = q.data?.items.filter((i) => i.status === 'open').length ?? 0;
  const overdue = q.data?.items.filter((i) => i.dueState === 'overdue').length ?? 0;
  return (
    <Card
      title="Theo dõi khắc phục sau kết luận"
      extra={
        q.data && (
          <Typography.Text type={overdue > 0 ? 'danger' : 'secondary'} data-testid="case-remediation-summary">
            {open.toLocaleString('vi-VN')} đang thực hiện
            {overdue > 0 ? `, ${overdue.toLocaleString('vi-VN')} quá hạn` : ''}
          </Typography.Text>
        )
      }
      data-testid="case-remediation"
    >
      {q.error ? (
        <QueryError error={q.error} />
      ) : q.data && q.data.items.length === 0 ? (
        <Typography.Text type="secondary">
          Chưa có yêu cầu khắc phục: các yêu cầu được tạo khi cuộc kiểm tra, giám sát có kết luận.
        </Typography.Text>
      ) : (
        <RemediationTable
          items={q.data?.items ?? []}
          loading={q.isPending}
          showCase={false}
          pagination={false}
          onChanged={() => void q.refetch()}
        />
      )}
    </Card>
  );
}
