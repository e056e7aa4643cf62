// One complaint about discipline: the decision it is about, the competent resolver and whether it is
// the final level, the grounds of a refusal, and the resolution (form or result).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { COMPLAINT_OUTCOME_LABELS, FORM_LABELS } from '../../../common/discipline.ts';
import { COMPLAINT_STATUS_LABELS, RESOLVER_BODY_LABELS } from '../../../common/discipline-complaints.ts';
import { disciplineComplaintsApi } from '../api/discipline-complaints.ts';
import { ComplaintResolveForm } from '../components/discipline-complaints/ComplaintResolveForm.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { formatDate } from '../i18n/format.ts';

const DECISION_STATUS: Record<string, string> = {
  in_force: 'Đang có hiệu lực',
  changed: 'Đã thay đổi do khiếu nại',
  annulled: 'Đã bị xóa bỏ',
};

export function DisciplineComplaintPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['discipline-complaints', id], queryFn: () => disciplineComplaintsApi.get(id) });
  if (q.error) return <QueryError error={q.error} />;
  const c = q.data;
  if (!c) return <Card loading />;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['discipline-complaints'] });
  };
  return (
    <>
      <PageHeader
        title={`Khiếu nại của ${c.complainantName}`}
        description={`Về quyết định ${FORM_LABELS[c.decisionForm].toLowerCase()} ${c.subjectName}`}
      />
      <Space direction="vertical" style={{ width: '100%' }} size="large">
        {c.status === 'accepted' && (
          <Alert
            type="info"
            showIcon
            data-testid="complaint-pending-note"
            title="Trong thời gian giải quyết khiếu nại, người bị kỷ luật vẫn phải chấp hành quyết định kỷ luật (Điều lệ Đảng, Điều 39)."
          />
        )}
        <Card title="Đơn khiếu nại">
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Trạng thái">
              <Tag data-testid="complaint-status">{COMPLAINT_STATUS_LABELS[c.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="Hạn giải quyết">{c.dueOn ? formatDate(c.dueOn) : '—'}</Descriptions.Item>
            <Descriptions.Item label="Ngày nộp đơn">{formatDate(c.filedOn)}</Descriptions.Item>
            <Descriptions.Item label="Ngày nhận quyết định">
              {c.decisionReceivedOn ? formatDate(c.decisionReceivedOn) : 'Chưa nhận'}
            </Descriptions.Item>
            <Descriptions.Item label="Nội dung" span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.content}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          {c.grounds.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              title="Không thụ lý vì:"
              description={
                <List
                  size="small"
                  dataSource={c.grounds}
                  renderItem={(g) => <List.Item data-testid={`complaint-ground-${g.code}`}>{g.text}</List.Item>}
                />
              }
            />
          )}
        </Card>
        <Card title="Quyết định bị khiếu nại">
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label="Hình thức">{FORM_LABELS[c.decisionForm]}</Descriptions.Item>
            <Descriptions.Item label="Số">{c.decisionNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Cấp quyết định">{c.decidingOrgName}</Descriptions.Item>
            <Descriptions.Item label="Ngày quyết định">{formatDate(c.decision.decidedOn)}</Descriptions.Item>
            <Descriptions.Item label="Ngày công bố">
              {c.decision.announcedOn ? formatDate(c.decision.announcedOn) : 'Chưa công bố'}
            </Descriptions.Item>
            <Descriptions.Item label="Hiệu lực">
              <span data-testid="complaint-decision-status">{DECISION_STATUS[c.decisionStatus] ?? c.decisionStatus}</span>
            </Descriptions.Item>
            {c.decision.apologyNote && (
              <Descriptions.Item label="Xin lỗi" span={2}>
                {c.decision.apologyNote}
              </Descriptions.Item>
            )}
            {c.decision.restoredRightsNote && (
              <Descriptions.Item label="Khôi phục quyền lợi" span={2}>
                {c.decision.restoredRightsNote}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title="Cấp giải quyết">
          <Typography.Paragraph data-testid="complaint-resolver">
            <Typography.Text strong>
              {RESOLVER_BODY_LABELS[c.resolverBodyType]} — {c.resolverOrgName}
            </Typography.Text>
            {c.isFinalLevel ? (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                Cấp giải quyết cuối cùng
              </Tag>
            ) : null}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" data-testid="complaint-resolver-explanation">
            {c.resolverExplanation}
          </Typography.Paragraph>
        </Card>
        <Card title="Kết quả giải quyết">
          {c.status === 'resolved' && c.outcome ? (
            <Descriptions column={1} bordered size="small" data-testid="complaint-outcome">
              <Descriptions.Item label="Kết quả">
                {COMPLAINT_OUTCOME_LABELS[c.outcome]}
                {c.outcomeForm ? `: ${FORM_LABELS[c.outcomeForm].toLowerCase()}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Ngày giải quyết">{formatDate(c.resolvedOn)}</Descriptions.Item>
              <Descriptions.Item label="Nội dung kết luận">{c.outcomeNote}</Descriptions.Item>
            </Descriptions>
          ) : c.canResolve ? (
            <ComplaintResolveForm complaint={c} onSaved={refresh} onConflict={refresh} />
          ) : (
            <Typography.Text type="secondary">
              {c.status === 'refused' ? 'Đơn không được thụ lý nên không giải quyết.' : 'Chưa có kết quả giải quyết.'}
            </Typography.Text>
          )}
        </Card>
      </Space>
    </>
  );
}
