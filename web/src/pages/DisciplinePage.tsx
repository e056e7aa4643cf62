// Kỷ luật đảng: the discipline matters in the reader's scope, filtered by organisation, year and status,
// and "Mở hồ sơ kỷ luật" from a case proposing discipline or directly.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, InputNumber, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { disciplineApi, type MatterFilters, type MatterListItem } from '../api/discipline.ts';
import { bodyTypeLabel, FormTag, MatterStatusTag, sourceLabel, statusOptions } from '../components/discipline/labels.tsx';
import { MatterCreateModal } from '../components/discipline/MatterCreateModal.tsx';
import { FilterSelect } from '../components/FilterSelect.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';

export function DisciplinePage() {
  const me = useSession();
  const canWrite = hasPermission(me, 'discipline.write');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);

  const filters: MatterFilters = {
    orgId: params.get('orgId') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    status: params.get('status') ?? undefined,
  };
  const set = (k: keyof MatterFilters, v: string | number | undefined | null) => {
    const p = new URLSearchParams(params);
    v === undefined || v === null || v === '' ? p.delete(k) : p.set(k, String(v));
    setParams(p, { replace: true });
    setPage(1);
  };
  const list = useQuery({
    queryKey: ['discipline', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => disciplineApi.list({ ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Kỷ luật đảng"
        description="Hồ sơ xem xét kỷ luật đảng viên và tổ chức đảng: thẩm quyền, hình thức, thời hiệu, bỏ phiếu và quyết định theo Quy định 69-QĐ/TW."
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="matter-create">
              Mở hồ sơ kỷ luật
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <OrgPicker
              value={filters.orgId}
              onChange={(v) => set('orgId', v)}
              allowClear
              placeholder="Tổ chức (mặc định: toàn bộ phạm vi)"
              aria-label="Tổ chức"
              data-testid="discipline-filter-org"
            />
          </Col>
          <Col xs={12} md={5}>
            <InputNumber
              min={2000}
              max={2199}
              value={filters.year ?? null}
              onChange={(v) => set('year', v ?? undefined)}
              placeholder="Năm"
              aria-label="Năm"
              style={{ width: '100%' }}
              data-testid="discipline-filter-year"
            />
          </Col>
          <Col xs={12} md={9}>
            <FilterSelect
              label="Trạng thái"
              value={filters.status}
              onChange={(v) => set('status', v)}
              options={statusOptions}
              data-testid="discipline-filter-status"
            />
          </Col>
        </Row>
      </Card>
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <Card>
          <Table<MatterListItem>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            size="small"
            scroll={{ x: 900 }}
            data-testid="discipline-table"
            locale={{ emptyText: 'Chưa có hồ sơ kỷ luật nào trong phạm vi này.' }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showTotal: (t) => `${formatNumber(t)} hồ sơ`,
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
            columns={[
              {
                title: 'Số hồ sơ',
                dataIndex: 'code',
                width: 130,
                render: (code: string, r) => <Link to={`/ky-luat/${r.id}`}>{code}</Link>,
              },
              {
                title: 'Đối tượng',
                dataIndex: 'subjectName',
                render: (n: string, r) => (
                  <>
                    {n} {r.subjectKind === 'org' && <Tag>Tổ chức đảng</Tag>}
                    {r.secrecy > 0 && <Tag color="red">Mật</Tag>}
                  </>
                ),
              },
              { title: 'Cơ quan xem xét', dataIndex: 'bodyOrgName', render: (n: string, r) => `${bodyTypeLabel(r.bodyType)} · ${n}` },
              { title: 'Nguồn', dataIndex: 'source', width: 180, render: sourceLabel },
              { title: 'Trạng thái', dataIndex: 'status', width: 170, render: (s: string) => <MatterStatusTag status={s} /> },
              { title: 'Hình thức', dataIndex: 'decisionForm', width: 110, render: (f: string | null) => <FormTag form={f} /> },
              { title: 'Ngày mở', dataIndex: 'createdAt', width: 110, render: (d: string) => formatDate(d) },
            ]}
          />
        </Card>
      )}
      {adding && (
        <MatterCreateModal
          onClose={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: ['discipline'] });
            message.success(`Đã mở hồ sơ ${m.code}.`);
            navigate(`/ky-luat/${m.id}`);
          }}
        />
      )}
    </>
  );
}
