// One programme: its items and the case run from each, approval, amendments and every approved revision.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { BODY_TYPE_LABELS } from '../../../common/cases.ts';
import { PROGRAMME_PERIOD_LABELS, type Programme, type ProgrammeItem } from '../../../common/programmes.ts';
import { CLEARANCE_LABELS, type Clearance } from '../../../common/roles.ts';
import { errorMessage } from '../api/client.ts';
import { programmesApi } from '../api/programmes.ts';
import { CONFLICT_MESSAGE } from '../components/formErrors.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ApproveModal } from '../components/programmes/ApproveModal.tsx';
import { ItemFormModal } from '../components/programmes/ItemFormModal.tsx';
import { ItemsTable } from '../components/programmes/ItemsTable.tsx';
import { ProgrammeStatusTag } from '../components/programmes/ProgrammeStatusTag.tsx';
import { ReasonModal } from '../components/programmes/ReasonModal.tsx';
import { RevisionModal } from '../components/programmes/RevisionModal.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDateTime } from '../i18n/format.ts';

type Dialog =
  | { kind: 'item'; item: ProgrammeItem | null }
  | { kind: 'cancel'; item: ProgrammeItem }
  | { kind: 'approve' }
  | { kind: 'amend' }
  | { kind: 'revision'; revision: number }
  | null;

export function ProgrammePage() {
  const { id = '' } = useParams();
  const me = useSession();
  const canWrite = hasPermission(me, 'inspection.write');
  const canApprove = hasPermission(me, 'inspection.approve');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['programme', id], queryFn: () => programmesApi.get(id) });
  const p = q.data;

  const done = (text: string, updated?: Programme) => {
    if (updated) queryClient.setQueryData(['programme', id], updated);
    else void q.refetch();
    void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    setDialog(null);
    setNotice({ type: 'success', text });
  };
  const stale = () => {
    setDialog(null);
    setNotice({ type: 'error', text: CONFLICT_MESSAGE });
    void q.refetch();
  };
  const openCase = async (item: ProgrammeItem) => {
    setOpening(item.id);
    setNotice(null);
    try {
      const c = await programmesApi.openCase(item.id);
      navigate(`/kiem-tra-giam-sat/cuoc/${c.id}`);
    } catch (e) {
      setNotice({ type: 'error', text: errorMessage(e) });
    } finally {
      setOpening(null);
    }
  };

  if (q.error) return <QueryError error={q.error} />;
  if (!p) return <Card loading />;
  const editable = canWrite && p.status !== 'approved';
  return (
    <>
      <PageHeader
        title={p.title}
        description={<Link to="/kiem-tra-giam-sat/chuong-trinh">← Danh sách chương trình</Link>}
        extra={
          <Space wrap>
            {editable && (
              <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'item', item: null })} data-testid="item-add">
                Thêm nội dung
              </Button>
            )}
            {canApprove && p.status !== 'approved' && (
              <Button type="primary" onClick={() => setDialog({ kind: 'approve' })} data-testid="programme-approve">
                {p.status === 'amending' ? 'Phê duyệt điều chỉnh' : 'Phê duyệt'}
              </Button>
            )}
            {canWrite && p.status === 'approved' && (
              <Button onClick={() => setDialog({ kind: 'amend' })} data-testid="programme-amend">
                Mở điều chỉnh
              </Button>
            )}
          </Space>
        }
      />
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          title={notice.text}
          closable
          onClose={() => setNotice(null)}
          style={{ marginBottom: 16 }}
          data-testid="programme-notice"
          role={notice.type === 'error' ? 'alert' : undefined}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="Trạng thái">
            <Space size={4}>
              <ProgrammeStatusTag status={p.status} revision={p.revision} />
              {p.secrecy > 0 && <Tag color="red">{CLEARANCE_LABELS[p.secrecy as Clearance]}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="Tổ chức">{p.orgName}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành">{BODY_TYPE_LABELS[p.bodyType]}</Descriptions.Item>
          <Descriptions.Item label="Loại">
            {PROGRAMME_PERIOD_LABELS[p.period]} {p.yearFrom}
            {p.yearTo !== p.yearFrom ? `–${p.yearTo}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Số quyết định">{p.decisionNo ?? 'Chưa phê duyệt'}</Descriptions.Item>
          {p.approvedAt && <Descriptions.Item label="Phê duyệt lúc">{formatDateTime(p.approvedAt)}</Descriptions.Item>}
          {p.status === 'amending' && p.amendReason && <Descriptions.Item label="Lý do điều chỉnh">{p.amendReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title="Nội dung chương trình" style={{ marginBottom: 16 }}>
        {p.status === 'approved' && canWrite && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Chương trình đã được phê duyệt: muốn sửa, thêm hoặc hủy nội dung, hãy mở điều chỉnh chương trình."
          />
        )}
        <ItemsTable
          programme={p}
          canWrite={canWrite}
          opening={opening}
          onEdit={(item) => setDialog({ kind: 'item', item })}
          onCancel={(item) => setDialog({ kind: 'cancel', item })}
          onOpenCase={openCase}
        />
      </Card>
      <Card title="Các lần phê duyệt">
        <Table
          rowKey="revision"
          size="small"
          pagination={false}
          dataSource={[...p.revisions].reverse()}
          locale={{ emptyText: 'Chương trình chưa được phê duyệt' }}
          data-testid="programme-revisions"
          columns={[
            { title: 'Lần', dataIndex: 'revision', width: 60 },
            { title: 'Số quyết định', dataIndex: 'decisionNo', render: (d: string | null) => d ?? 'Chưa ghi' },
            { title: 'Phê duyệt lúc', dataIndex: 'approvedAt', render: (d: string) => formatDateTime(d) },
            { title: 'Người phê duyệt', dataIndex: 'approvedByName' },
            { title: 'Lý do điều chỉnh', dataIndex: 'reason', render: (r: string | null) => r ?? 'Phê duyệt lần đầu' },
            {
              title: '',
              key: 'view',
              width: 80,
              render: (_: unknown, r) => (
                <Button
                  type="link"
                  onClick={() => setDialog({ kind: 'revision', revision: r.revision })}
                  data-testid={`revision-view-${r.revision}`}
                >
                  Xem
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'item' && (
        <ItemFormModal
          programme={p}
          item={dialog.item}
          onClose={() => setDialog(null)}
          onSaved={(i) => done(dialog.item ? `Đã sửa nội dung số ${i.seq}.` : `Đã thêm nội dung số ${i.seq}.`)}
          onConflict={stale}
        />
      )}
      {dialog?.kind === 'cancel' && (
        <ReasonModal
          title={`Hủy nội dung số ${dialog.item.seq}`}
          label="Lý do hủy"
          okText="Hủy nội dung"
          testId="item-cancel"
          onSubmit={(reason) => programmesApi.cancelItem(dialog.item.id, { reason, version: dialog.item.version })}
          onClose={() => setDialog(null)}
          onSaved={(i) => done(`Đã hủy nội dung số ${i.seq}.`)}
          onConflict={stale}
        />
      )}
      {dialog?.kind === 'amend' && (
        <ReasonModal
          title="Mở điều chỉnh chương trình"
          label="Lý do điều chỉnh"
          okText="Mở điều chỉnh"
          testId="programme-amend"
          onSubmit={(reason) => programmesApi.amend(p.id, { reason, version: p.version })}
          onClose={() => setDialog(null)}
          onSaved={(updated) => done('Đã mở điều chỉnh: sửa nội dung rồi trình phê duyệt lại.', updated)}
          onConflict={stale}
        />
      )}
      {dialog?.kind === 'approve' && (
        <ApproveModal
          programme={p}
          onClose={() => setDialog(null)}
          onSaved={(updated) => done(`Đã phê duyệt chương trình (lần ${updated.revision}).`, updated)}
          onConflict={stale}
        />
      )}
      {dialog?.kind === 'revision' && <RevisionModal programmeId={p.id} revision={dialog.revision} onClose={() => setDialog(null)} />}
    </>
  );
}
