// The units directly under one organisation, each linking to its own page.
import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ORG_KIND_LABELS, type Org } from '../../../../common/orgs.ts';
import { orgsApi } from '../../api/orgs.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

const collator = new Intl.Collator('vi', { numeric: true });

export function SubUnitsTable({ orgId }: { orgId: string }) {
  const q = useQuery({ queryKey: ['orgs', 'children', orgId], queryFn: () => orgsApi.children(orgId) });
  if (q.error) return <QueryError error={q.error} />;
  const items = [...(q.data?.items ?? [])].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <Table<Org>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: 'Không có đơn vị trực thuộc.' }}
      data-testid="sub-units"
      columns={[
        {
          title: 'Tên đơn vị',
          dataIndex: 'name',
          render: (n: string, o) => (
            <>
              <Link to={`/to-chuc/${o.id}`}>{n}</Link>
              {o.validTo && <Tag style={{ marginLeft: 8 }}>Hoạt động đến {formatDate(o.validTo)}</Tag>}
            </>
          ),
        },
        { title: 'Mã', dataIndex: 'code', width: 140, render: (c: string) => <code>{c}</code> },
        { title: 'Loại', dataIndex: 'kind', width: 200, render: (k: Org['kind']) => ORG_KIND_LABELS[k] ?? k },
        { title: 'Đơn vị trực thuộc', dataIndex: 'childCount', width: 140, align: 'right', render: (n: number) => formatNumber(n) },
      ]}
    />
  );
}
