// Remediation follow-up across an organisation's subtree (issue #4 point 5): what each conclusion
// requires, who answers for it, overdue in red and due within 5 working days in orange.
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  DUE_SOON_WORKING_DAYS,
  REMEDIATION_STATUS_LABELS,
  REMEDIATION_STATUSES,
  type RemediationStatus,
} from '../../../common/remediation.ts';
import { remediationApi } from '../api/remediation.ts';
import { RemediationTable } from '../components/inspection/RemediationTable.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';

const PAGE_SIZE = 50;

export function RemediationPage() {
  const [orgId, setOrgId] = useState<string | undefined>();
  const [status, setStatus] = useState<RemediationStatus | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const [ownerMe, setOwnerMe] = useState(false);
  const [page, setPage] = useState(1);
  const filter = { orgId, status, overdue, ownerMe, page, pageSize: PAGE_SIZE };
  const q = useQuery({ queryKey: ['remediation', 'list', filter], queryFn: ({ signal }) => remediationApi.list(filter, signal) });
  const reset = () => setPage(1);
  return (
    <>
      <PageHeader
        title="Theo dõi khắc phục"
        description={`Các yêu cầu trong kết luận kiểm tra, giám sát: người thực hiện, hạn, minh chứng. Hạn màu đỏ là quá hạn; màu cam là còn không quá ${DUE_SOON_WORKING_DAYS} ngày làm việc.`}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgPicker
            value={orgId}
            onChange={(v) => {
              setOrgId(v);
              reset();
            }}
            allowClear
            placeholder="Tổ chức (cơ quan kiểm tra và cấp dưới)"
            aria-label="Tổ chức"
            data-testid="remediation-filter-org"
          />
          <Select<RemediationStatus | 'all'>
            value={status ?? 'all'}
            onChange={(v) => {
              setStatus(v === 'all' ? undefined : v);
              reset();
            }}
            style={{ width: 200 }}
            aria-label="Trạng thái"
            data-testid="remediation-filter-status"
            options={[
              { value: 'all', label: 'Mọi trạng thái' },
              ...REMEDIATION_STATUSES.map((s) => ({ value: s, label: REMEDIATION_STATUS_LABELS[s] })),
            ]}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              reset();
            }}
            data-testid="remediation-filter-overdue"
          >
            Chỉ quá hạn
          </Checkbox>
          <Checkbox
            checked={ownerMe}
            onChange={(e) => {
              setOwnerMe(e.target.checked);
              reset();
            }}
            data-testid="remediation-filter-mine"
          >
            Của tôi
          </Checkbox>
        </Space>
        {q.error ? (
          <QueryError error={q.error} />
        ) : (
          <>
            {q.data && <Typography.Paragraph type="secondary">{q.data.total.toLocaleString('vi-VN')} yêu cầu</Typography.Paragraph>}
            <RemediationTable
              items={q.data?.items ?? []}
              loading={q.isPending}
              showCase
              pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
              onChanged={() => void q.refetch()}
            />
          </>
        )}
      </Card>
    </>
  );
}
