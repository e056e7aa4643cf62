// What the platform works out for a matter (issue #5 point 2): the competent body, the forms open to the
// subject, whether consideration must be postponed, the circumstances recorded. Each "no" says why.
import { Alert, Card, Descriptions, Space, Tag } from 'antd';
import type { MatterDetail } from '../../api/discipline.ts';
import { formatDate } from '../../i18n/format.ts';
import { formLabel } from './labels.tsx';

export function AssessmentCard({ m }: { m: MatterDetail }) {
  const a = m.assessment;
  const barred = m.violations.filter((v) => v.timeBarred);
  return (
    <Card title={`Đánh giá theo quy định (tính đến ngày ${formatDate(a.asOf)})`} data-testid="matter-assessment">
      {!a.competent.allowed && (
        <Alert
          type="error"
          showIcon
          title="Cơ quan này không có thẩm quyền"
          description={a.competent.reason}
          style={{ marginBottom: 12 }}
        />
      )}
      {barred.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`Đã hết thời hiệu kỷ luật: vi phạm số ${barred.map((v) => v.seq).join(', ')}`}
          style={{ marginBottom: 12 }}
        />
      )}
      {a.postponement.postpone && (
        <Alert
          type="warning"
          showIcon
          title="Phải tạm hoãn xem xét kỷ luật"
          description={`${a.postponement.reason ?? ''}${a.postponement.until ? ` (đến ngày ${formatDate(a.postponement.until)})` : ''}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Thẩm quyền">
          {a.competent.allowed ? <Tag color="green">Có thẩm quyền</Tag> : <Tag color="red">Không có thẩm quyền</Tag>}
          {a.competent.reason && a.competent.allowed && <span>{a.competent.reason}</span>}
        </Descriptions.Item>
        <Descriptions.Item label="Hình thức có thể áp dụng">
          <Space wrap>
            {a.formsOpen.map((f) => (
              <Tag key={f}>{formLabel(f)}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="Hình thức đề nghị (nặng nhất theo các vi phạm)">
          {a.proposedForm ? formLabel(a.proposedForm) : 'Chưa có vi phạm'}
          {a.proposedFormProblem && <div style={{ color: '#cf1322' }}>{a.proposedFormProblem}</div>}
        </Descriptions.Item>
        <Descriptions.Item label="Tạm hoãn xem xét">{a.postponement.postpone ? a.postponement.reason : 'Không'}</Descriptions.Item>
        <Descriptions.Item label="Tình tiết giảm nhẹ">{a.mitigating.map((c) => c.label).join('; ') || 'Không'}</Descriptions.Item>
        <Descriptions.Item label="Tình tiết tăng nặng">{a.aggravating.map((c) => c.label).join('; ') || 'Không'}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
