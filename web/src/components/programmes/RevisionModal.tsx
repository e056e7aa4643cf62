// One approved revision of a programme, as it was approved: its items and, for an amendment, why.
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Modal, Table, Tag } from 'antd';
import { CASE_KIND_LABELS } from '../../../../common/cases.ts';
import { ITEM_STATUS_LABELS, PROGRAMME_PERIOD_LABELS } from '../../../../common/programmes.ts';
import { programmesApi } from '../../api/programmes.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';
import { periodText } from './ItemsTable.tsx';

export function RevisionModal({ programmeId, revision, onClose }: { programmeId: string; revision: number; onClose: () => void }) {
  const q = useQuery({
    queryKey: ['programme', programmeId, 'revision', revision],
    queryFn: () => programmesApi.revision(programmeId, revision),
  });
  const r = q.data;
  return (
    <Modal open title={`Lần phê duyệt thứ ${revision}`} footer={null} onCancel={onClose} width={980} destroyOnHidden>
      {q.error && <QueryError error={q.error} />}
      {r && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }} data-testid="revision-details">
            <Descriptions.Item label="Tên chương trình" span={2}>
              {r.snapshot.programme.title}
            </Descriptions.Item>
            <Descriptions.Item label="Loại">
              {PROGRAMME_PERIOD_LABELS[r.snapshot.programme.period]} {r.snapshot.programme.yearFrom}
              {r.snapshot.programme.yearTo !== r.snapshot.programme.yearFrom ? `–${r.snapshot.programme.yearTo}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="Số quyết định">{r.decisionNo ?? 'Chưa ghi'}</Descriptions.Item>
            <Descriptions.Item label="Phê duyệt lúc">{formatDateTime(r.approvedAt)}</Descriptions.Item>
            <Descriptions.Item label="Người phê duyệt">{r.approvedByName ?? ''}</Descriptions.Item>
            {r.reason && (
              <Descriptions.Item label="Lý do điều chỉnh" span={2}>
                {r.reason}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table
            rowKey="seq"
            size="small"
            pagination={false}
            dataSource={r.snapshot.items}
            data-testid="revision-items"
            columns={[
              { title: 'TT', dataIndex: 'seq', width: 50 },
              { title: 'Loại công việc', dataIndex: 'kind', render: (k: keyof typeof CASE_KIND_LABELS) => CASE_KIND_LABELS[k] },
              { title: 'Đối tượng', dataIndex: 'subjectName' },
              { title: 'Nội dung', dataIndex: 'topic' },
              {
                title: 'Thời gian',
                key: 'period',
                render: (_: unknown, i) => periodText(i.year, i.periodFrom, i.periodTo),
              },
              { title: 'Chủ trì', dataIndex: 'responsibleOrgName' },
              {
                title: 'Tình trạng',
                dataIndex: 'status',
                render: (s: 'planned' | 'cancelled', i) =>
                  s === 'cancelled' ? <Tag title={i.cancelledReason ?? ''}>{ITEM_STATUS_LABELS[s]}</Tag> : ITEM_STATUS_LABELS[s],
              },
            ]}
          />
        </>
      )}
      {!r && !q.error && <p>Đang tải…</p>}
    </Modal>
  );
}
