// The exchange between the sender and the body handling the letter. Officers appear only as "Cán bộ
// giải quyết đơn": the portal never names them.
import { Empty, Typography } from 'antd';
import type { z } from 'zod';
import type { portalMessageSchema } from '../../../common/portal-api.ts';
import type { PortalCredentials } from '../api/portal.ts';
import { FileDownload } from './FileDownload.tsx';
import { vnDateTime } from './format.ts';

type PortalMessage = z.infer<typeof portalMessageSchema>;

export function MessageThread({ messages, creds }: { messages: PortalMessage[]; creds: PortalCredentials }) {
  if (messages.length === 0) return <Empty description="Chưa có tin nhắn nào." image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <ol data-testid="portal-messages" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {messages.map((m) => {
        const mine = m.author === 'sender';
        return (
          <li
            key={m.id}
            data-testid={`portal-message-${m.author}`}
            style={{
              margin: mine ? '0 0 12px 24px' : '0 24px 12px 0',
              padding: '10px 12px',
              borderRadius: 10,
              background: mine ? '#f0f5ff' : '#f6ffed',
              border: `1px solid ${mine ? '#adc6ff' : '#b7eb8f'}`,
            }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 4, marginBottom: 4 }}>
              <Typography.Text strong>{mine ? 'Bạn' : 'Cán bộ giải quyết đơn'}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {vnDateTime(m.createdAt)}
              </Typography.Text>
            </div>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>{m.body}</Typography.Paragraph>
            {m.files.length > 0 && (
              <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 6, marginTop: 8 }}>
                {m.files.map((f) => (
                  <FileDownload key={f.id} file={f} creds={creds} />
                ))}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
