// Where a followed letter stands: what was sent and to whom, the status in plain words, the deadline
// while it runs, the answer, the exchange with the handler and the reply box.
import { LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { PETITION_CLOCK_STOPPED, PETITION_KIND_LABELS } from '../../../common/petitions.ts';
import type { PortalStatus } from '../../../common/portal-api.ts';
import type { PortalCredentials } from '../api/portal.ts';
import { FileDownload } from './FileDownload.tsx';
import { groupCode, longVnDate } from './format.ts';
import { MessageThread } from './MessageThread.tsx';
import { ReplyBox } from './ReplyBox.tsx';
import { MONO } from './styles.ts';

const STATUS_COLOURS: Partial<Record<PortalStatus['status'], string>> = {
  received: 'blue',
  screening: 'blue',
  accepted: 'geekblue',
  in_progress: 'geekblue',
  resolved: 'green',
  answered: 'green',
  kept_as_information: 'default',
  forwarded: 'purple',
  refused: 'orange',
  withdrawn: 'default',
  closed: 'default',
};

interface Props {
  status: PortalStatus;
  creds: PortalCredentials;
  refreshing: boolean;
  onRefresh: () => void;
  onExit: () => void;
  onUpdated: (s: PortalStatus) => void;
}

export function StatusView({ status, creds, refreshing, onRefresh, onExit, onUpdated }: Props) {
  const clockRuns = !PETITION_CLOCK_STOPPED.includes(status.status);
  return (
    <div data-testid="portal-status">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Tình trạng đơn
        </Typography.Title>
        <div style={{ display: 'flex', gap: 8 }}>
          <Button size="large" icon={<ReloadOutlined />} loading={refreshing} onClick={onRefresh} data-testid="follow-refresh">
            Cập nhật
          </Button>
          <Button size="large" danger icon={<LogoutOutlined />} onClick={onExit} data-testid="follow-exit">
            Thoát
          </Button>
        </div>
      </div>

      <Card style={{ marginBottom: 16 }}>
        <Tag
          color={STATUS_COLOURS[status.status] ?? 'default'}
          style={{ fontSize: 17, padding: '6px 12px', marginBottom: 8, whiteSpace: 'normal' }}
          data-testid="portal-status-label"
        >
          {status.statusLabel}
        </Tag>
        {status.statusNote && (
          <Typography.Paragraph style={{ fontSize: 16, marginBottom: 8 }} data-testid="portal-status-note">
            {status.statusNote}
          </Typography.Paragraph>
        )}
        {clockRuns && status.dueOn && (
          <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="portal-status-due">
            Hạn giải quyết: <strong>{longVnDate(status.dueOn)}</strong>
          </Typography.Paragraph>
        )}
      </Card>

      {status.answer && (
        <Card title="Trả lời của cơ quan giải quyết" style={{ marginBottom: 16, borderColor: '#b7eb8f' }} data-testid="portal-answer">
          {status.answeredOn && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              Trả lời {longVnDate(status.answeredOn)}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 0 }}>
            {status.answer}
          </Typography.Paragraph>
        </Card>
      )}

      <Card title="Đơn của bạn" style={{ marginBottom: 16 }}>
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { whiteSpace: 'nowrap', minWidth: 112 } }}
          items={[
            {
              key: 'code',
              label: 'Mã tiếp nhận',
              children: <span style={{ fontFamily: MONO, whiteSpace: 'nowrap' }}>{groupCode(status.receiptCode)}</span>,
            },
            { key: 'kind', label: 'Loại đơn', children: PETITION_KIND_LABELS[status.kind] },
            { key: 'title', label: 'Tiêu đề', children: <span style={{ overflowWrap: 'anywhere' }}>{status.title}</span> },
            { key: 'body', label: 'Nơi nhận', children: status.bodyName },
            { key: 'received', label: 'Ngày nhận', children: longVnDate(status.receivedOn) },
          ]}
          data-testid="portal-status-details"
        />
        {status.files.length > 0 && (
          <>
            <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
              Tài liệu kèm theo
            </Typography.Text>
            <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 6 }}>
              {status.files.map((f) => (
                <FileDownload key={f.id} file={f} creds={creds} />
              ))}
            </div>
          </>
        )}
      </Card>

      <Card title="Trao đổi với cán bộ giải quyết đơn" style={{ marginBottom: 16 }}>
        <MessageThread messages={status.messages} creds={creds} />
        <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 12, paddingTop: 12 }}>
          <ReplyBox creds={creds} onSent={onUpdated} />
        </div>
      </Card>
    </div>
  );
}
