// What screening decided (or would decide, in the live preview): the outcome, its ground and explanation
// citing the rule, the competent body when the letter is forwarded, the parts of a split letter, and
// what follows (the sender told, an inspection possible on signs of violation).
import { Alert, Descriptions, Space, Tag } from 'antd';
import { COMPETENT_BODY_TYPE_LABELS, type CompetentBodyType } from '../../../../common/petitions.ts';
import type { ScreeningResult } from '../../api/petitions.ts';
import { groundLabel, kindLabel, outcomeLabel, statusLabel } from './labels.tsx';

const OUTCOME_COLOURS: Record<string, string> = {
  accept: 'green',
  keep_as_information: 'gold',
  refuse: 'red',
  forward: 'purple',
  split: 'cyan',
  withdrawn: 'default',
  undetermined: 'orange',
};

export function ScreeningResultView({ r, testId }: { r: ScreeningResult; testId: string }) {
  return (
    <div data-testid={testId}>
      <Space wrap size={4} style={{ marginBottom: 8 }}>
        <Tag color={OUTCOME_COLOURS[r.outcome] ?? 'default'} style={{ fontSize: 14, padding: '2px 8px' }} data-testid={`${testId}-outcome`}>
          {outcomeLabel(r.outcome)}
        </Tag>
        <span>
          Căn cứ: <strong data-testid={`${testId}-ground`}>{groundLabel(r.ground)}</strong>
        </span>
      </Space>
      <Alert type={r.outcome === 'undetermined' ? 'warning' : 'info'} title={r.explanation} style={{ marginBottom: 8 }} />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="Trạng thái đơn sau phân loại">{statusLabel(r.status)}</Descriptions.Item>
        {r.forwardTo && (
          <Descriptions.Item label="Cấp có thẩm quyền">
            <div>
              <div data-testid={`${testId}-forward`}>
                {COMPETENT_BODY_TYPE_LABELS[r.forwardTo.type as CompetentBodyType]} · {r.forwardTo.name}
              </div>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{r.forwardTo.reason}</div>
            </div>
          </Descriptions.Item>
        )}
        {r.parts.map((part) => (
          <Descriptions.Item key={`${part.kind}-${part.handling}`} label={`Phần ${kindLabel(part.kind).toLowerCase()}`}>
            <Tag color={part.handling === 'accept' ? 'green' : 'default'}>
              {part.handling === 'accept' ? 'Giải quyết' : 'Hướng dẫn gửi riêng'}
            </Tag>
            {part.explanation}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="Thông báo cho người gửi">
          {r.tellSender ? 'Có' : 'Không (người gửi không nêu tên thật hoặc không rõ địa chỉ)'}
        </Descriptions.Item>
        {r.mayLeadToInspection && (
          <Descriptions.Item label="Kiểm tra">Nội dung cụ thể: có thể là căn cứ kiểm tra khi có dấu hiệu vi phạm</Descriptions.Item>
        )}
        {r.linkToSubject && <Descriptions.Item label="Lưu thông tin">Lưu vào thông tin về người bị phản ánh, tố cáo</Descriptions.Item>}
        {r.coercedWithdrawal && (
          <Descriptions.Item label="Rút đơn">Rút đơn do bị đe dọa, ép buộc, mua chuộc: vẫn tiếp tục giải quyết</Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
