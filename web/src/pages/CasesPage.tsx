// Cuộc kiểm tra, giám sát: filters, a server-paged table with the current step and its deadline coloured
// (red past due, orange within three working days), and "Lập cuộc" for a case opened directly.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type CaseKind, STEP_CODES, type StepCode, stepLabel } from '../../../common/cases.ts';
import { type CaseFilters, type CaseListItem, casesApi } from '../api/cases.ts';
import { CaseCreateModal } from '../components/cases/CaseCreateModal.tsx';
import { CaseStatusTag, DueDate, kindLabel, kindOptions, statusOptions, useSoonThreshold } from '../components/cases/caseLabels.tsx';
import { FilterSelect } from '../components/FilterSelect.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatNumber } from '../i18n/format.ts';

const stepOptions = STEP_CODES.map((s) => ({ value: s, label: stepLabel('inspection.signs', s) }));

export function CasesPage() {
  const me = useSession();
  const canWrite = hasPermission(me, 'inspection.write');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [adding, setAdding] = useState(false);
  const { today, soon } = useSoonThreshold();

  const filters: CaseFilters = {
    orgId: params.get('orgId') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    kind: params.get('kind') ?? undefined,
    status: params.get('status') ?? undefined,
    step: params.get('step') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    proposeDiscipline: params.get('proposeDiscipline') === 'true' ? true : undefined,
  };
  const set = (k: keyof CaseFilters, v: string | number | boolean | undefined) => {
    const p = new URLSearchParams(params);
    v === undefined || v === '' || v === false ? p.delete(k) : p.set(k, String(v));
    setParams(p, { replace: true });
    setPage(1);
  };

  const list = useQuery({
    queryKey: ['cases', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => casesApi.list({ ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;

  return (
    <>
      <PageHeader
        title="Cuộc kiểm tra, giám sát"
        description="Các cuộc theo chương trình, kế hoạch và các cuộc lập khi có dấu hiệu vi phạm; hạn của bước hiện tại tính theo ngày làm việc."
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="case-add">
              Lập cuộc
            </Button>
          )
        }
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12} xl={6}>
            <OrgPicker
              value={filters.orgId}
              allowClear
              placeholder="Tổ chức ra quyết định (cả cấp dưới)"
              aria-label="Lọc theo tổ chức"
              onChange={(v) => set('orgId', v)}
              data-testid="case-filter-org"
            />
          </Col>
          <Col xs={12} md={6} xl={3}>
            <InputNumber
              placeholder="Năm"
              aria-label="Năm"
              min={2000}
              max={2199}
              value={filters.year}
              onChange={(v) => set('year', v ?? undefined)}
              style={{ width: '100%' }}
              data-testid="case-filter-year"
            />
          </Col>
          <Col xs={12} md={6} xl={5}>
            <FilterSelect
              label="Loại việc"
              value={filters.kind}
              onChange={(v) => set('kind', v)}
              options={kindOptions}
              data-testid="case-filter-kind"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <FilterSelect
              label="Bước hiện tại"
              value={filters.step}
              onChange={(v) => set('step', v)}
              options={stepOptions}
              data-testid="case-filter-step"
            />
          </Col>
          <Col xs={12} md={6} xl={3}>
            <FilterSelect
              label="Trạng thái"
              value={filters.status}
              onChange={(v) => set('status', v)}
              options={statusOptions}
              data-testid="case-filter-status"
            />
          </Col>
          <Col xs={24}>
            <Space wrap size={16}>
              <Checkbox checked={!!filters.overdue} onChange={(e) => set('overdue', e.target.checked)} data-testid="case-filter-overdue">
                Quá hạn
              </Checkbox>
              <Checkbox checked={!!filters.proposeDiscipline} onChange={(e) => set('proposeDiscipline', e.target.checked)}>
                Đề nghị kỷ luật
              </Checkbox>
            </Space>
          </Col>
        </Row>
        {counts && (
          <Space wrap style={{ marginBottom: 12 }} data-testid="case-counts">
            <Tag color="processing">Đang tiến hành: {formatNumber(counts.open)}</Tag>
            <Tag color="warning">Tạm dừng: {formatNumber(counts.suspended)}</Tag>
            <Tag color="success">Đã kết thúc: {formatNumber(counts.closed)}</Tag>
            <Tag>Đã hủy bỏ: {formatNumber(counts.cancelled)}</Tag>
            <Tag color="error">Quá hạn: {formatNumber(counts.overdue)}</Tag>
          </Space>
        )}
        {list.error && <QueryError error={list.error} testId="cases-error" />}
        <Table<CaseListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          data-testid="cases-table"
          locale={{ emptyText: 'Không có cuộc kiểm tra, giám sát nào.' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `Tổng số ${formatNumber(t)} cuộc`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: 'Số',
              dataIndex: 'code',
              width: 120,
              render: (code: string, c) => (
                <Link to={`/kiem-tra-giam-sat/cuoc/${c.id}`} data-testid="case-link">
                  {code}
                </Link>
              ),
            },
            { title: 'Loại việc', dataIndex: 'kind', width: 220, render: kindLabel },
            {
              title: 'Đối tượng',
              dataIndex: 'subjectName',
              width: 200,
              render: (n: string, c) => (
                <>
                  {n}
                  <br />
                  <Typography.Text type="secondary">{c.bodyOrgName}</Typography.Text>
                </>
              ),
            },
            { title: 'Bước hiện tại', dataIndex: 'step', width: 260, render: (s: StepCode, c) => stepLabel(c.kind as CaseKind, s) },
            {
              title: 'Hạn bước',
              dataIndex: 'stepDueOn',
              width: 110,
              render: (d: string | null, c) => <DueDate date={d} live={c.status === 'open'} soon={soon} today={today} />,
            },
            {
              title: 'Thời hạn cuộc',
              dataIndex: 'dueOn',
              width: 120,
              render: (d: string | null, c) => <DueDate date={d} live={c.status === 'open'} soon={soon} today={today} />,
            },
            { title: 'Trạng thái', dataIndex: 'status', width: 130, render: (s: CaseListItem['status']) => <CaseStatusTag status={s} /> },
          ]}
        />
      </Card>
      {adding && (
        <CaseCreateModal
          defaultOrgId={filters.orgId}
          onClose={() => setAdding(false)}
          onSaved={(c) => {
            setAdding(false);
            message.success(`Đã lập cuộc ${c.code}.`);
            void queryClient.invalidateQueries({ queryKey: ['cases'] });
            navigate(`/kiem-tra-giam-sat/cuoc/${c.id}`);
          }}
        />
      )}
    </>
  );
}
