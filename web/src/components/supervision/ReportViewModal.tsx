// One committee member's report as the UBKT reads it; signs of violation lead to the cases page.
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Modal } from 'antd';
import { Link } from 'react-router';
import { SUPERVISION_PERIOD_LABELS } from '../../../../common/supervision.ts';
import { supervisionApi } from '../../api/supervision.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

/** Keeps the author's line breaks. */
const paragraphs = (text: string | null) => (text ? <div style={{ whiteSpace: 'pre-line' }}>{text}</div> : '—');

export function ReportViewModal({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const q = useQuery({ queryKey: ['supervision', 'report', reportId], queryFn: () => supervisionApi.report(reportId) });
  const r = q.data;
  return (
    <Modal open title={r ? `Báo cáo của đồng chí ${r.holderName}` : 'Báo cáo'} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      {q.error && <QueryError error={q.error} />}
      {r && (
        <>
          {r.signsOfViolation && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="Báo cáo nêu phát hiện dấu hiệu vi phạm."
              description={
                <span>
                  Ủy ban Kiểm tra xem xét, quyết định kiểm tra khi có dấu hiệu vi phạm:{' '}
                  <Link to="/kiem-tra-giam-sat/cuoc" data-testid="supervision-open-case">
                    lập cuộc kiểm tra
                  </Link>
                  .
                </span>
              }
            />
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="Kỳ">
              {SUPERVISION_PERIOD_LABELS[r.period]} {r.year}
            </Descriptions.Item>
            <Descriptions.Item label="Địa bàn">{r.area}</Descriptions.Item>
            <Descriptions.Item label="Lĩnh vực">{r.fields.join('; ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="Gửi lúc">
              {formatDateTime(r.submittedAt)}
              {r.dueOn ? ` (hạn ${formatDate(r.dueOn)}${r.late ? ', gửi muộn' : ''})` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Nội dung đã giám sát">{paragraphs(r.content)}</Descriptions.Item>
            <Descriptions.Item label="Kết quả, ưu điểm, hạn chế">{paragraphs(r.findings)}</Descriptions.Item>
            <Descriptions.Item label="Kiến nghị, đề xuất">{paragraphs(r.proposals)}</Descriptions.Item>
          </Descriptions>
        </>
      )}
    </Modal>
  );
}
