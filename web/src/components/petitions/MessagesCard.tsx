// Trao đổi với người gửi: a letter sent through the portal is followed by its sender with the receipt code
// and secret; officers ask for details or explain here, and the sender answers from the portal. Nothing
// about the sender shows but what they wrote.
import { Alert, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { FileLink } from './ContentCard.tsx';

export function MessagesCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (!body.trim()) return setError('Nhập nội dung tin nhắn.');
    setBusy(true);
    setError(null);
    try {
      await petitionsApi.sendMessage(p.id, { body: body.trim() });
      setBody('');
      onChanged('Đã gửi tin nhắn cho người gửi đơn.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const messages = [...p.messages].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  return (
    <Card title="Trao đổi với người gửi (qua cổng trực tuyến)" data-testid="petition-messages">
      {messages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có tin nhắn." />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={8}>
          {messages.map((m) => {
            const mine = m.author === 'officer';
            return (
              <div
                key={m.id}
                data-testid="petition-message"
                style={{
                  alignSelf: mine ? 'flex-end' : 'flex-start',
                  maxWidth: '85%',
                  marginLeft: mine ? 'auto' : 0,
                  background: mine ? '#e6f4ff' : '#f5f5f5',
                  borderRadius: 8,
                  padding: '8px 12px',
                }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {mine ? <Tag color="blue">Cán bộ {m.authorName ?? ''}</Tag> : <Tag>Người gửi đơn</Tag>}
                  {formatDateTime(m.createdAt)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{m.body}</div>
                {m.files.map((f) => (
                  <div key={f.id}>
                    <FileLink petitionId={p.id} f={f} />
                  </div>
                ))}
              </div>
            );
          })}
        </Space>
      )}
      {canWrite && (
        <div style={{ marginTop: 12 }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} role="alert" />}
          <Input.TextArea
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            maxLength={10_000}
            placeholder="Nội dung gửi người gửi đơn (người gửi đọc được khi tra cứu bằng mã tiếp nhận)"
            aria-label="Tin nhắn cho người gửi"
            data-testid="petition-message-body"
          />
          <Button type="primary" onClick={send} loading={busy} style={{ marginTop: 8 }} data-testid="petition-message-send">
            Gửi tin nhắn
          </Button>
        </div>
      )}
    </Card>
  );
}
