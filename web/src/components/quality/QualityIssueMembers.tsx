// The members behind one count of the quality table, paged, each with a "Sửa" link to the profile.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { QualityIssue, QualityMember } from '../../../../common/quality.ts';
import { qualityApi } from '../../api/quality.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

export function QualityIssueMembers({ orgId, issue }: { orgId: string; issue: QualityIssue }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useQuery({
    queryKey: ['quality', 'members', orgId, issue, page, pageSize],
    queryFn: () => qualityApi.members({ orgId, issue, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  if (q.error) return <QueryError error={q.error} testId="quality-members-error" />;
  return (
    <Table<QualityMember>
      rowKey="id"
      size="small"
      loading={q.isFetching}
      dataSource={q.data?.items ?? []}
      scroll={{ x: 800 }}
      data-testid="quality-members"
      locale={{ emptyText: 'Không còn hồ sơ nào thuộc loại này.' }}
      pagination={{
        current: page,
        pageSize,
        total: q.data?.total ?? 0,
        showTotal: (t) => `${formatNumber(t)} hồ sơ`,
        onChange: (p, s) => {
          setPage(s === pageSize ? p : 1);
          setPageSize(s);
        },
      }}
      columns={[
        { title: 'Họ và tên', dataIndex: 'fullName', render: (n: string, m) => <Link to={`/dang-vien/${m.id}`}>{n}</Link> },
        { title: 'Ngày sinh', dataIndex: 'birthDate', width: 110, render: (d: string | null) => (d ? formatDate(d) : '—') },
        { title: 'Số CCCD', dataIndex: 'cccdMasked', width: 140, render: (c: string | null) => c ?? '—' },
        { title: 'Chi bộ', dataIndex: 'orgName' },
        { title: 'Cập nhật lần cuối', dataIndex: 'updatedAt', width: 150, render: (d: string) => formatDateTime(d) },
        {
          title: '',
          key: 'fix',
          width: 80,
          render: (_, m) => (
            <Button
              size="small"
              onClick={() => navigate(`/dang-vien/${m.id}`)}
              aria-label={`Sửa hồ sơ ${m.fullName}`}
              data-testid="quality-fix"
            >
              Sửa
            </Button>
          ),
        },
      ]}
    />
  );
}
