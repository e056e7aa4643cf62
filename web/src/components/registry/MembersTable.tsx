// Members in a server-paged, server-sorted table. The filters come from the caller (members page,
// organisation page); paging and sorting live here and start again at page 1 when the filters change.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface.js';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { MemberListItem, MemberStatus } from '../../../../common/members.ts';
import { type MemberFilters, type MemberSort, membersApi } from '../../api/members.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';
import { genderLabel, postLabel, StatusTag } from './memberLabels.tsx';

interface Props {
  filters: MemberFilters;
  /** Left out on an organisation's own page when every row is in the same cell. */
  showOrg?: boolean;
  initialPageSize?: number;
  testId?: string;
  onSortChange?: (sort: MemberSort, order: 'asc' | 'desc') => void;
}

const SORTABLE: Record<string, MemberSort> = { fullName: 'name', birthDate: 'birthDate' };

export function MembersTable({ filters, showOrg = true, initialPageSize = 20, testId = 'members-table', onSortChange }: Props) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [sort, setSort] = useState<MemberSort>('name');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter means a new first page
  useEffect(() => setPage(1), [filterKey]);

  const list = useQuery({
    queryKey: ['members', 'list', filters, page, pageSize, sort, order],
    queryFn: ({ signal }) => membersApi.list({ ...filters, sort, order, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const sortOrderOf = (s: MemberSort) => (sort === s ? (order === 'asc' ? 'ascend' : 'descend') : null);

  return (
    <>
      {list.error && <QueryError error={list.error} testId="members-error" />}
      <Table<MemberListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        data-testid={testId}
        locale={{ emptyText: filters.q ? `Không tìm thấy đảng viên nào khớp với «${filters.q}».` : 'Không có đảng viên nào.' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) =>
            list.data?.totalCapped ? `Hơn ${formatNumber(total)} đảng viên: hãy lọc hẹp hơn` : `Tổng số ${formatNumber(total)} đảng viên`,
        }}
        onChange={(pg, _f, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<MemberListItem> | undefined;
          const nextSort = (s?.order && SORTABLE[String(s.field)]) || 'name';
          const nextOrder = s?.order === 'descend' ? 'desc' : 'asc';
          const sortChanged = nextSort !== sort || nextOrder !== order;
          setSort(nextSort);
          setOrder(nextOrder);
          if (sortChanged) onSortChange?.(nextSort, nextOrder);
          const size = pg.pageSize ?? pageSize;
          setPage(sortChanged || size !== pageSize ? 1 : (pg.current ?? 1));
          setPageSize(size);
        }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            sorter: true,
            sortOrder: sortOrderOf('name'),
            width: 220,
            render: (name: string, m) => (
              <Link to={`/dang-vien/${m.id}`} data-testid="member-link">
                {name}
              </Link>
            ),
          },
          { title: 'Giới tính', dataIndex: 'gender', width: 90, render: genderLabel },
          {
            title: 'Ngày sinh',
            dataIndex: 'birthDate',
            width: 120,
            sorter: true,
            sortOrder: sortOrderOf('birthDate'),
            render: (d: string | null) => (d ? formatDate(d) : '—'),
          },
          {
            title: 'Số CCCD',
            dataIndex: 'cccdMasked',
            width: 140,
            render: (c: string | null) =>
              c ? <span style={{ fontFamily: 'monospace' }}>{c}</span> : <Typography.Text type="secondary">Chưa có</Typography.Text>,
          },
          ...(showOrg
            ? [
                {
                  title: 'Chi bộ',
                  dataIndex: 'orgName',
                  width: 220,
                  render: (n: string, m: MemberListItem) => <Link to={`/to-chuc/${m.orgId}`}>{n}</Link>,
                },
              ]
            : []),
          {
            title: 'Chức vụ hiện tại',
            dataIndex: 'currentPosts',
            width: 200,
            render: (posts: string[]) => (posts.length ? posts.map(postLabel).join('; ') : '—'),
          },
          { title: 'Tình trạng', dataIndex: 'status', width: 170, render: (s: MemberStatus) => <StatusTag status={s} /> },
        ]}
      />
    </>
  );
}
