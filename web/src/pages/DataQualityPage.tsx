// Chất lượng dữ liệu — "Đúng, đủ, sạch, sống": per unit, what is missing or stale, the members behind
// each count, and suspected duplicates to merge.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Drawer, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { QUALITY_ISSUE_LABELS, type QualityIssue } from '../../../common/quality.ts';
import { orgsApi } from '../api/orgs.ts';
import { qualityApi } from '../api/quality.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { DuplicateGroups } from '../components/quality/DuplicateGroups.tsx';
import { QualityIssueMembers } from '../components/quality/QualityIssueMembers.tsx';
import { QualitySummaryTable } from '../components/quality/QualitySummaryTable.tsx';
import { hasPermission, useSession } from '../components/session.tsx';

export function DataQualityPage() {
  const me = useSession();
  const canMerge = hasPermission(me, 'member.write');
  const [params, setParams] = useSearchParams();
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: orgsApi.roots, staleTime: 60_000 });
  const orgId = params.get('orgId') ?? roots.data?.items[0]?.id;
  const [issue, setIssue] = useState<{ orgId: string; orgName: string; issue: QualityIssue } | null>(null);
  const choose = (id: string | undefined) => setParams(id ? { orgId: id } : {});
  const summary = useQuery({
    queryKey: ['quality', 'summary', orgId],
    queryFn: () => qualityApi.summary(orgId as string),
    enabled: !!orgId,
  });

  return (
    <>
      <PageHeader
        title="Chất lượng dữ liệu"
        description="Đúng, đủ, sạch, sống: hồ sơ còn thiếu, lâu chưa cập nhật hoặc nghi trùng trong từng đơn vị. Bấm vào một con số để xem và sửa các hồ sơ đó."
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={12} align="middle">
          <Col flex="none">
            <Typography.Text strong>Tổ chức:</Typography.Text>
          </Col>
          <Col flex="auto" style={{ maxWidth: 520 }}>
            <OrgPicker value={orgId} onChange={choose} aria-label="Chọn tổ chức" data-testid="quality-org" />
          </Col>
          {params.get('orgId') && (
            <Col flex="none">
              <Button onClick={() => window.history.back()}>Quay lại</Button>
            </Col>
          )}
        </Row>
      </Card>
      <Card title="Tình trạng hồ sơ theo đơn vị" style={{ marginBottom: 16 }}>
        {!orgId || summary.isPending ? (
          roots.error ? (
            <QueryError error={roots.error} />
          ) : (
            <Spin />
          )
        ) : summary.error ? (
          <QueryError error={summary.error} testId="quality-error" />
        ) : (
          <QualitySummaryTable
            summary={summary.data}
            onDrill={choose}
            onIssue={(id, name, i) => setIssue({ orgId: id, orgName: name, issue: i })}
          />
        )}
      </Card>
      <Card title="Hồ sơ nghi trùng">{orgId && <DuplicateGroups orgId={orgId} canMerge={canMerge} />}</Card>
      <Drawer
        open={issue !== null}
        onClose={() => setIssue(null)}
        size="large"
        title={issue ? `${QUALITY_ISSUE_LABELS[issue.issue]} — ${issue.orgName}` : ''}
        destroyOnHidden
      >
        {issue && <QualityIssueMembers orgId={issue.orgId} issue={issue.issue} />}
      </Drawer>
    </>
  );
}
