// Chương trình kiểm tra, giám sát: the programmes of an organisation and the units below it for a year,
// and "Lập chương trình".
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, InputNumber, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { BODY_TYPE_LABELS } from '../../../common/cases.ts';
import { PROGRAMME_PERIOD_LABELS, type ProgrammeSummary } from '../../../common/programmes.ts';
import { CLEARANCE_LABELS, type Clearance } from '../../../common/roles.ts';
import { programmesApi } from '../api/programmes.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ProgrammeFormModal } from '../components/programmes/ProgrammeFormModal.tsx';
import { ProgrammeStatusTag } from '../components/programmes/ProgrammeStatusTag.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatNumber } from '../i18n/format.ts';

export function ProgrammesPage() {
  const me = useSession();
  const canWrite = hasPermission(me, 'inspection.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year')) || new Date().getFullYear();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['programmes', orgId ?? null, year], queryFn: () => programmesApi.list({ orgId, year }) });

  // The filters live in the address, so that a link or the back button brings the same list.
  const remember = (next: { orgId?: string | undefined; year?: number }) => {
    const p = new URLSearchParams(params);
    if ('orgId' in next) next.orgId ? p.set('orgId', next.orgId) : p.delete('orgId');
    if (next.year) p.set('year', String(next.year));
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Chương trình kiểm tra, giám sát"
        description="Chương trình toàn khóa và hằng năm của cấp ủy, ban thường vụ, ủy ban kiểm tra và chi bộ; mỗi lần phê duyệt, điều chỉnh được lưu lại."
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="programme-create">
              Lập chương trình
            </Button>
          )
        }
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} md={12} xl={10}>
            <OrgPicker
              value={orgId}
              allowClear
              placeholder="Mọi tổ chức trong phạm vi của bạn"
              onChange={(v) => remember({ orgId: v })}
              data-testid="programmes-org"
              aria-label="Tổ chức"
            />
          </Col>
          <Col>
            <Space>
              <span>Năm</span>
              <InputNumber
                min={2000}
                max={2199}
                value={year}
                onChange={(v) => v && remember({ year: v })}
                aria-label="Năm"
                data-testid="programmes-year"
              />
            </Space>
          </Col>
        </Row>
        {q.error ? (
          <QueryError error={q.error} />
        ) : (
          <Table<ProgrammeSummary>
            rowKey="id"
            loading={q.isPending}
            dataSource={q.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="programmes-table"
            locale={{ emptyText: `Chưa có chương trình nào cho năm ${year}` }}
            columns={[
              {
                title: 'Tên chương trình',
                dataIndex: 'title',
                render: (t: string, p) => (
                  <Link to={`/kiem-tra-giam-sat/chuong-trinh/${p.id}`} data-testid="programme-link">
                    {t}
                  </Link>
                ),
              },
              { title: 'Tổ chức', dataIndex: 'orgName' },
              { title: 'Cơ quan ban hành', dataIndex: 'bodyType', render: (b: ProgrammeSummary['bodyType']) => BODY_TYPE_LABELS[b] },
              {
                title: 'Loại',
                key: 'period',
                render: (_: unknown, p) =>
                  `${PROGRAMME_PERIOD_LABELS[p.period]} ${p.yearFrom}${p.yearTo !== p.yearFrom ? `–${p.yearTo}` : ''}`,
              },
              { title: 'Số nội dung', dataIndex: 'itemCount', align: 'right', render: (n: number) => formatNumber(n) },
              {
                title: 'Trạng thái',
                key: 'status',
                render: (_: unknown, p) => (
                  <Space size={4} wrap>
                    <ProgrammeStatusTag status={p.status} revision={p.revision} />
                    {p.secrecy > 0 && <Tag color="red">{CLEARANCE_LABELS[p.secrecy as Clearance]}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      {creating && (
        <ProgrammeFormModal
          orgId={orgId ?? me.user.roles[0]?.orgId}
          year={year}
          onClose={() => setCreating(false)}
          onSaved={(p) => navigate(`/kiem-tra-giam-sat/chuong-trinh/${p.id}`)}
        />
      )}
    </>
  );
}
