// Remediation items as a table, for the remediation page and inside a case: overdue due dates in red,
// due within 5 working days in orange; evidence upload, "done" (only once evidence exists), a new due
// date, cancel and reopen, as the server says the signed-in user may.
import { PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, List, Space, Table, type TablePaginationConfig, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  DUE_STATE_LABELS,
  type DueState,
  REMEDIATION_STATUS_LABELS,
  type RemediationItem,
  type RemediationStatus,
} from '../../../../common/remediation.ts';
import { errorMessage } from '../../api/client.ts';
import { remediationApi } from '../../api/remediation.ts';
import { formatDate } from '../../i18n/format.ts';
import { CONFLICT_MESSAGE } from '../formErrors.ts';
import { type RemediationChange, RemediationChangeModal } from './RemediationChangeModal.tsx';

const DUE_COLOURS: Record<DueState, string | undefined> = { overdue: 'red', due_soon: 'orange', on_track: undefined };
const STATUS_COLOURS: Record<RemediationStatus, string> = { open: 'blue', done: 'green', cancelled: 'default' };

function DueDate({ item }: { item: RemediationItem }) {
  const colour = item.dueState ? DUE_COLOURS[item.dueState] : undefined;
  if (!colour) return <span>{formatDate(item.dueOn)}</span>;
  return (
    <Tooltip title={DUE_STATE_LABELS[item.dueState as DueState]}>
      <Tag color={colour} data-testid={`remediation-due-${item.seq}`}>
        {formatDate(item.dueOn)}
      </Tag>
    </Tooltip>
  );
}

function EvidenceUpload({ item, onUploaded }: { item: RemediationItem; onUploaded: () => void }) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      await remediationApi.addEvidence(item.id, file);
      message.success(`Đã tải lên minh chứng “${file.name}”.`);
      onUploaded();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        hidden
        accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.doc,.docx,.xls,.xlsx,.odt,.ods"
        onChange={(e) => void send(e.target.files?.[0])}
        data-testid={`remediation-evidence-upload-${item.seq}`}
      />
      <Button size="small" icon={<PaperClipOutlined />} loading={busy} onClick={() => input.current?.click()}>
        Tải minh chứng
      </Button>
    </>
  );
}

function EvidenceList({ itemId, version }: { itemId: string; version: number }) {
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['remediation', itemId, version], queryFn: () => remediationApi.get(itemId) });
  if (q.error) return <Typography.Text type="danger">{errorMessage(q.error)}</Typography.Text>;
  if (!q.data) return <Typography.Text type="secondary">Đang tải minh chứng…</Typography.Text>;
  if (q.data.evidence.length === 0) return <Typography.Text type="secondary">Chưa có minh chứng.</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={q.data.evidence}
      renderItem={(e) => (
        <List.Item>
          <Button
            type="link"
            onClick={() => remediationApi.downloadEvidence(e.id, e.fileName).catch((err) => message.error(errorMessage(err)))}
          >
            {e.fileName}
          </Button>
          <Typography.Text type="secondary">
            {formatDate(e.createdAt)}
            {e.createdByName ? ` — ${e.createdByName}` : ''}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

export function RemediationTable({
  items,
  loading,
  showCase,
  pagination,
  onChanged,
}: {
  items: RemediationItem[];
  loading: boolean;
  showCase: boolean;
  pagination: TablePaginationConfig | false;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ item: RemediationItem; change: RemediationChange } | null>(null);
  const actions = (i: RemediationItem) => {
    const open = i.status === 'open';
    return (
      <Space wrap size={4}>
        {open && i.canReport && <EvidenceUpload item={i} onUploaded={onChanged} />}
        {open && i.canReport && (
          <Tooltip title={i.evidenceCount === 0 ? 'Cần tải lên ít nhất một tệp minh chứng trước' : undefined}>
            <Button
              size="small"
              type="primary"
              disabled={i.evidenceCount === 0}
              onClick={() => setEditing({ item: i, change: 'done' })}
              data-testid={`remediation-done-${i.seq}`}
            >
              Hoàn thành
            </Button>
          </Tooltip>
        )}
        {open && i.canManage && (
          <Button size="small" onClick={() => setEditing({ item: i, change: 'due' })} data-testid={`remediation-due-change-${i.seq}`}>
            Đổi hạn
          </Button>
        )}
        {open && i.canManage && (
          <Button size="small" danger onClick={() => setEditing({ item: i, change: 'cancel' })} data-testid={`remediation-cancel-${i.seq}`}>
            Hủy bỏ
          </Button>
        )}
        {!open && i.canManage && (
          <Button size="small" onClick={() => setEditing({ item: i, change: 'reopen' })} data-testid={`remediation-reopen-${i.seq}`}>
            Mở lại
          </Button>
        )}
      </Space>
    );
  };
  return (
    <>
      <Table<RemediationItem>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        data-testid="remediation-table"
        scroll={{ x: showCase ? 1250 : 1100 }}
        expandable={{
          expandedRowRender: (i) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {i.resultNote && <Typography.Text>Kết quả: {i.resultNote}</Typography.Text>}
              {i.cancelledReason && <Typography.Text>Lý do hủy bỏ: {i.cancelledReason}</Typography.Text>}
              <EvidenceList itemId={i.id} version={i.version} />
            </Space>
          ),
        }}
        columns={[
          ...(showCase
            ? [
                {
                  title: 'Cuộc',
                  key: 'case',
                  width: 160,
                  render: (_: unknown, i: RemediationItem) => (
                    <Space orientation="vertical" size={0}>
                      <Link to={`/kiem-tra-giam-sat/cuoc/${i.caseId}`}>{i.caseCode}</Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {i.caseSubject}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          { title: 'TT', dataIndex: 'seq', width: 50 },
          { title: 'Yêu cầu khắc phục', dataIndex: 'requirement', width: 280 },
          { title: 'Người, tổ chức thực hiện', dataIndex: 'ownerName', width: 170 },
          { title: 'Hạn', key: 'due', width: 120, render: (_: unknown, i: RemediationItem) => <DueDate item={i} /> },
          {
            title: 'Trạng thái',
            key: 'status',
            width: 160,
            render: (_: unknown, i: RemediationItem) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS_COLOURS[i.status]}>{REMEDIATION_STATUS_LABELS[i.status]}</Tag>
                {i.doneOn && <Typography.Text type="secondary">ngày {formatDate(i.doneOn)}</Typography.Text>}
              </Space>
            ),
          },
          { title: 'Minh chứng', dataIndex: 'evidenceCount', width: 100, render: (n: number) => n.toLocaleString('vi-VN') },
          {
            title: 'Thao tác',
            key: 'actions',
            width: 210,
            fixed: 'right' as const,
            render: (_: unknown, i: RemediationItem) => actions(i),
          },
        ]}
      />
      {editing && (
        <RemediationChangeModal
          item={editing.item}
          change={editing.change}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('Đã lưu.');
            onChanged();
          }}
          onConflict={() => {
            setEditing(null);
            message.warning(CONFLICT_MESSAGE);
            onChanged();
          }}
        />
      )}
    </>
  );
}
