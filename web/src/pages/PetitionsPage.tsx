// Đơn thư: the letters in the reader's scope, newest first or by the nearest deadline, each with its
// deadline in working days coloured by urgency, marks for duplicates, related letters and unread messages
// from the sender, and "Vào sổ đơn" to register a letter that came by post, in person, forwarded or in the press.
import { MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PETITIONS_KEY, type PetitionListItem, petitionsApi } from '../api/petitions.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ClockTag, channelLabel, KindTag, PetitionStatusTag, SecrecyTag, topicLabel } from '../components/petitions/labels.tsx';
import { PetitionCreateModal } from '../components/petitions/PetitionCreateModal.tsx';
import { type Filters, PetitionFilters, readFilters, toQuery } from '../components/petitions/PetitionFilters.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';

function Marks({ r }: { r: PetitionListItem }) {
  return (
    <Space size={4} wrap>
      {r.duplicates > 0 && (
        <Tooltip title="Đơn trùng: cùng nội dung đã gửi nhiều lần hoặc nhiều nơi; được liên kết, không tính hai lần">
          <Tag color="magenta" data-testid="petition-duplicates">
            Trùng {formatNumber(r.duplicates)}
          </Tag>
        </Tooltip>
      )}
      {r.related > 0 && (
        <Tooltip title="Đơn liên quan: cùng người hoặc cùng vụ việc">
          <Tag color="blue">Liên quan {formatNumber(r.related)}</Tag>
        </Tooltip>
      )}
      {r.unreadMessages > 0 && (
        <Tooltip title="Tin nhắn mới của người gửi qua cổng trực tuyến">
          <Badge count={r.unreadMessages} size="small" offset={[-2, 2]}>
            <MessageOutlined style={{ fontSize: 16, color: '#1677ff', padding: 2 }} data-testid="petition-unread" />
          </Badge>
        </Tooltip>
      )}
    </Space>
  );
}

export function PetitionsPage() {
  const me = useSession();
  const canWrite = hasPermission(me, 'petition.write');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const filters = readFilters(params);
  const set = (changes: Filters) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
    setPage(1);
  };
  const query = toQuery(filters);
  const list = useQuery({
    queryKey: [...PETITIONS_KEY, 'list', query, page, pageSize],
    queryFn: ({ signal }) => petitionsApi.list({ ...query, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const byDue = query.sort === 'due_asc';

  return (
    <>
      <PageHeader
        title="Đơn thư"
        description="Tiếp nhận, phân loại, xử lý đơn tố cáo, khiếu nại kỷ luật đảng, kiến nghị, phản ánh; hạn giải quyết tính theo ngày làm việc (Quy định 296-QĐ/TW)."
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="petition-create">
              Vào sổ đơn
            </Button>
          )
        }
      />
      <PetitionFilters f={filters} set={set} />
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <Card>
          <Table<PetitionListItem>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            size="small"
            scroll={{ x: 880 }}
            data-testid="petition-table"
            locale={{ emptyText: 'Không có đơn nào phù hợp trong phạm vi này.' }}
            onRow={(r) => ({ 'data-testid': `petition-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
            onChange={(_p, _f, sorter) => {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              set({ sort: s?.columnKey === 'due' && s.order ? 'due_asc' : undefined });
            }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `${formatNumber(t)} đơn`,
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
            columns={[
              {
                title: 'Số vào sổ',
                dataIndex: 'code',
                width: 125,
                render: (code: string, r) => (
                  <Space orientation="vertical" size={2}>
                    <Link to={`/don-thu/${r.id}`}>{code}</Link>
                    <Marks r={r} />
                  </Space>
                ),
              },
              {
                title: 'Ngày nhận',
                key: 'received',
                dataIndex: 'receivedOn',
                width: 115,
                showSorterTooltip: { title: 'Xếp theo ngày nhận, mới nhất trước' },
                sorter: true,
                sortDirections: ['descend'],
                sortOrder: byDue ? null : 'descend',
                render: (d: string, r) => (
                  <>
                    {formatDate(d)}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.fromPortal ? 'Cổng trực tuyến' : channelLabel(r.channel)}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                title: 'Nội dung',
                dataIndex: 'title',
                render: (title: string, r) => (
                  <>
                    <Link to={`/don-thu/${r.id}`} style={{ fontWeight: 500 }}>
                      {title}
                    </Link>
                    <div>
                      <KindTag kind={r.kind} />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        Về: {r.subjectName} · {topicLabel(r.topic)}
                      </Typography.Text>{' '}
                      <SecrecyTag secrecy={r.secrecy} />
                    </div>
                  </>
                ),
              },
              { title: 'Cơ quan tiếp nhận', dataIndex: 'bodyOrgName', width: 150 },
              {
                title: 'Trạng thái, hạn giải quyết',
                key: 'due',
                width: 200,
                sorter: true,
                sortDirections: ['ascend'],
                sortOrder: byDue ? 'ascend' : null,
                showSorterTooltip: { title: 'Xếp theo hạn gần nhất' },
                render: (_: unknown, r) => (
                  <Space orientation="vertical" size={2}>
                    <PetitionStatusTag status={r.status} />
                    {r.clock.dueOn && <span>Hạn {formatDate(r.clock.dueOn)}</span>}
                    <ClockTag clock={r.clock} />
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {adding && (
        <PetitionCreateModal
          onClose={(created) => {
            setAdding(false);
            if (created) void queryClient.invalidateQueries({ queryKey: PETITIONS_KEY });
          }}
          onOpen={(p) => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: PETITIONS_KEY });
            navigate(`/don-thu/${p.id}`);
          }}
        />
      )}
    </>
  );
}
