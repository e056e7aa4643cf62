// The organisation's inspection dashboard (issue #4 point 8): coverage against the yearly targets of
// the resolutions (domain.md §7), planned against done, cases by step, steps due and overdue,
// remediation overdue, and the planner's proposals.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, InputNumber, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DashboardView, IndicatorView } from '../../../common/coverage.ts';
import { ROLE_PERMISSIONS } from '../../../common/roles.ts';
import { coverageApi } from '../api/coverage.ts';
import { coverageOption, planOption, stepsOption } from '../components/dashboard/charts.ts';
import { EChart } from '../components/dashboard/EChart.tsx';
import { formatShare } from '../components/dashboard/format.ts';
import { ProposalsTable } from '../components/dashboard/ProposalsTable.tsx';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { useSession } from '../components/session.tsx';
import { formatDate, formatNumber } from '../i18n/format.ts';

const caseLink = (id: string) => `/kiem-tra-giam-sat/cuoc/${id}`;

function IndicatorLine({ ind, testId }: { ind: IndicatorView; testId: string }) {
  const tag = ind.met === null ? <Tag>Không áp dụng</Tag> : ind.met ? <Tag color="green">Đạt</Tag> : <Tag color="red">Chưa đạt</Tag>;
  return (
    <List.Item data-testid={testId}>
      <List.Item.Meta
        title={
          <Space wrap>
            {ind.label} {tag}
          </Space>
        }
        description={
          <>
            <span data-testid={`${testId}-figure`}>
              {formatNumber(ind.numerator)}/{formatNumber(ind.denominator)} ({formatShare(ind.share)}; chỉ tiêu {formatNumber(ind.target)}{' '}
              %)
            </span>
            {ind.met === false && ind.missing > 0 && <> · cần thêm {formatNumber(ind.missing)}</>}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {ind.legalBasis}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

function DueList({
  title,
  count,
  items,
  testId,
  empty,
}: {
  title: string;
  count: number;
  items: DashboardView['stepsDue']['items'];
  testId: string;
  empty: string;
}) {
  return (
    <Card title={title} extra={<strong data-testid={`${testId}-count`}>{formatNumber(count)}</strong>} data-testid={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(s) => (
            <List.Item>
              <Link to={caseLink(s.caseId)}>{s.code}</Link> · {s.subjectName} · {s.stepLabel} · hạn {formatDate(s.dueOn)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function InspectionDashboardPage() {
  const me = useSession();
  const [params, setParams] = useSearchParams();
  // The home organisation: the widest one where the user may read inspection work.
  const home = useMemo(
    () =>
      [...me.user.roles]
        .filter((r) => (ROLE_PERMISSIONS[r.role] as readonly string[]).includes('inspection.read'))
        .sort((a, b) => a.orgPath.length - b.orgPath.length)[0]?.orgId,
    [me.user.roles],
  );
  const orgId = params.get('orgId') ?? home;
  const year = Number(params.get('year')) || new Date().getFullYear();
  const set = (patch: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...patch }, { replace: true });
  const q = useQuery({
    queryKey: ['inspection', 'dashboard', orgId, year],
    queryFn: () => coverageApi.dashboard(orgId as string, year),
    enabled: !!orgId,
  });
  const d = q.data;

  return (
    <>
      <PageHeader
        title="Kiểm tra, giám sát"
        description="Kết quả so với chỉ tiêu của nghị quyết (ít nhất 10 % tổ chức đảng, đảng viên; 10 % bí thư, phó bí thư chi bộ được kiểm tra, giám sát chuyên đề; mỗi chi bộ kiểm tra 10 % đảng viên; 100 % kế hoạch), các cuộc đang tiến hành và các hạn."
        extra={
          <Space wrap>
            <div style={{ width: 320 }}>
              <OrgPicker value={orgId} onChange={(v) => v && set({ orgId: v })} aria-label="Tổ chức" data-testid="dashboard-org" />
            </div>
            <InputNumber
              min={2000}
              max={2199}
              value={year}
              onChange={(v) => v && set({ year: String(v) })}
              aria-label="Năm"
              data-testid="dashboard-year"
            />
          </Space>
        }
      />
      {!orgId && <Empty description="Bạn chưa được phân quyền xem công tác kiểm tra, giám sát ở tổ chức nào." />}
      {q.error && <QueryError error={q.error} />}
      {orgId && !q.error && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card loading={q.isPending}>
                <Statistic
                  title="Đảng viên được kiểm tra, giám sát"
                  value={d ? formatShare(d.coverage.membersCovered.share) : ''}
                  data-testid="figure-members"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card loading={q.isPending}>
                <Statistic
                  title="Tổ chức đảng được kiểm tra, giám sát"
                  value={d ? formatShare(d.coverage.orgsCovered.share) : ''}
                  data-testid="figure-orgs"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card loading={q.isPending}>
                <Statistic title="Bước quá hạn" value={d ? formatNumber(d.stepsOverdue.count) : ''} data-testid="figure-steps-overdue" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card loading={q.isPending}>
                <Link to="/kiem-tra-giam-sat/khac-phuc?overdue=1" data-testid="figure-remediation-overdue-link">
                  <Statistic
                    title="Yêu cầu khắc phục quá hạn"
                    value={d ? formatNumber(d.remediationOverdue.count) : ''}
                    data-testid="figure-remediation-overdue"
                  />
                </Link>
              </Card>
            </Col>
          </Row>
          {d && (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <Card title={`Kết quả so với chỉ tiêu năm ${d.year}`}>
                    <EChart
                      option={coverageOption(d.coverage)}
                      label="Tỷ lệ tổ chức, đảng viên, bí thư và phó bí thư chi bộ được kiểm tra, giám sát so với chỉ tiêu"
                      testId="chart-coverage"
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card title="Các cuộc theo bước">
                    {d.cases.total === 0 ? (
                      <Empty description="Chưa có cuộc kiểm tra, giám sát nào." />
                    ) : (
                      <EChart option={stepsOption(d)} label="Số cuộc kiểm tra, giám sát theo bước" testId="chart-steps" />
                    )}
                  </Card>
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={14}>
                  <Card title="Các chỉ tiêu" data-testid="coverage-indicators">
                    <List>
                      <IndicatorLine ind={d.coverage.orgsCovered} testId="ind-orgs" />
                      <IndicatorLine ind={d.coverage.membersCovered} testId="ind-members" />
                      <IndicatorLine ind={d.coverage.leadersThematic} testId="ind-leaders" />
                      <IndicatorLine ind={d.coverage.cellMembersInspected} testId="ind-cell-members" />
                      <IndicatorLine ind={d.coverage.cellKtgsDuty} testId="ind-cell-ktgs" />
                      <IndicatorLine ind={d.coverage.cellFinance} testId="ind-cell-finance" />
                      <IndicatorLine ind={d.coverage.planDone} testId="ind-plan" />
                    </List>
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card title="Kế hoạch và thực hiện">
                    {d.coverage.planDone.planned === 0 ? (
                      <Empty description="Chưa có chương trình được phê duyệt cho năm này." />
                    ) : (
                      <EChart
                        option={planOption(d.coverage)}
                        height={160}
                        label="Số cuộc theo kế hoạch đã và chưa thực hiện"
                        testId="chart-plan"
                      />
                    )}
                    <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                      Ngoài kế hoạch (kiểm tra khi có dấu hiệu vi phạm…): {formatNumber(d.coverage.planDone.unplannedDone)} cuộc.
                    </Typography.Paragraph>
                  </Card>
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={8}>
                  <DueList
                    title="Bước quá hạn"
                    count={d.stepsOverdue.count}
                    items={d.stepsOverdue.items}
                    testId="steps-overdue"
                    empty="Không có bước nào quá hạn."
                  />
                </Col>
                <Col xs={24} lg={8}>
                  <DueList
                    title={`Bước đến hạn trước ${formatDate(d.dueSoonUntil)}`}
                    count={d.stepsDue.count}
                    items={d.stepsDue.items}
                    testId="steps-due"
                    empty="Không có bước nào sắp đến hạn."
                  />
                </Col>
                <Col xs={24} lg={8}>
                  <Card
                    title="Khắc phục quá hạn"
                    extra={<Link to="/kiem-tra-giam-sat/khac-phuc?overdue=1">Xem tất cả</Link>}
                    data-testid="remediation-overdue"
                  >
                    {d.remediationOverdue.items.length === 0 ? (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có yêu cầu nào quá hạn." />
                    ) : (
                      <List
                        size="small"
                        dataSource={d.remediationOverdue.items}
                        renderItem={(r) => (
                          <List.Item>
                            <Link to={caseLink(r.caseId)}>{r.caseCode}</Link> · {r.requirement} · {r.ownerName} · hạn {formatDate(r.dueOn)}
                          </List.Item>
                        )}
                      />
                    )}
                    {d.casesOverdue.count > 0 && (
                      <Typography.Paragraph type="danger" style={{ marginTop: 8 }} data-testid="cases-overdue">
                        {formatNumber(d.casesOverdue.count)} cuộc quá thời hạn:{' '}
                        {d.casesOverdue.items.map((c, i) => (
                          <span key={c.caseId}>
                            {i > 0 && ', '}
                            <Link to={caseLink(c.caseId)}>{c.code}</Link>
                          </span>
                        ))}
                      </Typography.Paragraph>
                    )}
                  </Card>
                </Col>
              </Row>
              <ProposalsTable orgId={d.orgId} year={d.year} />
            </>
          )}
        </Space>
      )}
    </>
  );
}
