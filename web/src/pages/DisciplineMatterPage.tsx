// One discipline matter: subject and source; the assessment (competent body, forms open, limitation per
// violation, postponement, circumstances); violations; circumstances; the meeting and its vote; the
// decision with its document. Every change refetches the matter, whose version the next write sends.
import { useQuery } from '@tanstack/react-query';
import { App, Card, Col, Descriptions, Row, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { disciplineApi, matterKey } from '../api/discipline.ts';
import { AssessmentCard } from '../components/discipline/AssessmentCard.tsx';
import { CircumstancesCard } from '../components/discipline/CircumstancesCard.tsx';
import { DecisionCard } from '../components/discipline/DecisionCard.tsx';
import { bodyTypeLabel, MatterStatusTag, sourceLabel } from '../components/discipline/labels.tsx';
import { MeetingsCard } from '../components/discipline/MeetingsCard.tsx';
import { ViolationsCard } from '../components/discipline/ViolationsCard.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate } from '../i18n/format.ts';

export function DisciplineMatterPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const canWrite = hasPermission(me, 'discipline.write');
  const canDecide = hasPermission(me, 'discipline.decide');
  const { message } = App.useApp();
  const q = useQuery({ queryKey: matterKey(id), queryFn: () => disciplineApi.get(id) });
  const m = q.data;
  const changed = (text?: string) => {
    void q.refetch();
    if (text) message.success(text);
  };

  if (q.error) return <QueryError error={q.error} />;
  if (!m) return <Card loading />;
  const f = m.subjectFacts;
  return (
    <>
      <PageHeader
        title={`Hồ sơ kỷ luật ${m.code}`}
        description={`${m.subjectKind === 'member' ? 'Đảng viên' : 'Tổ chức đảng'} ${m.subjectName}`}
        extra={<MatterStatusTag status={m.status} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="matter-header">
          <Descriptions.Item label="Đối tượng">
            {m.subjectMemberId ? <Link to={`/dang-vien/${m.subjectMemberId}`}>{m.subjectName}</Link> : m.subjectName}
            {m.secrecy > 0 && (
              <Tag color="red" style={{ marginLeft: 8 }}>
                Mật
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Cơ quan xem xét">
            {bodyTypeLabel(m.bodyType)} · {m.bodyOrgName}
          </Descriptions.Item>
          <Descriptions.Item label="Nguồn">
            {sourceLabel(m.source)}
            {m.caseId && (
              <>
                {' '}
                <Link to={`/kiem-tra-giam-sat/cuoc/${m.caseId}`}>{m.caseCode ?? 'cuộc kiểm tra'}</Link>
              </>
            )}
            {m.sourceRef && `: ${m.sourceRef}`}
          </Descriptions.Item>
          <Descriptions.Item label="Mở ngày">{formatDate(m.createdAt)}</Descriptions.Item>
          {m.subjectKind === 'member' && (
            <Descriptions.Item label="Tình trạng đảng viên" span={2}>
              {[
                f.probationary ? 'Đảng viên dự bị' : 'Đảng viên chính thức',
                f.holdsPost ? 'đang giữ chức vụ' : 'không giữ chức vụ',
                ...f.committeeOf.map((c) => `cấp ủy viên ${c.orgName}`),
                f.pregnant ? 'đang mang thai' : null,
                f.childBornOn ? `nuôi con sinh ngày ${formatDate(f.childBornOn)}` : null,
                f.seriouslyIllInHospital ? 'đang ốm nặng điều trị nội trú' : null,
              ]
                .filter(Boolean)
                .join('; ')}
            </Descriptions.Item>
          )}
          {m.statusReason && <Descriptions.Item label="Lý do">{m.statusReason}</Descriptions.Item>}
          {m.postponedUntil && <Descriptions.Item label="Hoãn đến">{formatDate(m.postponedUntil)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <AssessmentCard m={m} />
        </Col>
        <Col xs={24} xl={12}>
          <CircumstancesCard m={m} canWrite={canWrite} onSaved={() => changed('Đã lưu tình tiết.')} onReload={() => changed()} />
        </Col>
        <Col span={24}>
          <ViolationsCard m={m} canWrite={canWrite} onChanged={changed} />
        </Col>
        <Col xs={24} xl={12}>
          <MeetingsCard m={m} canWrite={canWrite} onChanged={changed} />
        </Col>
        <Col xs={24} xl={12}>
          <DecisionCard m={m} canWrite={canWrite} canDecide={canDecide} onChanged={changed} />
        </Col>
      </Row>
    </>
  );
}
