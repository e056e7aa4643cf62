// The letter's text and its files: the scans officers attached and the files the sender sent through
// the portal. Files only ever come back as downloads (the server sets attachment and a sandbox).
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { type PetitionDetail, type PetitionFile, petitionsApi } from '../../api/petitions.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { AttachButton } from './AttachButton.tsx';

const size = (n: number) =>
  n >= 1024 * 1024 ? `${formatNumber(Math.round((n / 1024 / 1024) * 10) / 10)} MB` : `${formatNumber(Math.ceil(n / 1024))} KB`;

export function FileLink({ petitionId, f }: { petitionId: string; f: PetitionFile }) {
  const { message } = App.useApp();
  const get = async () => {
    try {
      await petitionsApi.downloadFile(petitionId, f);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={get} style={{ paddingInline: 0 }} data-testid="petition-file">
      {f.fileName}
    </Button>
  );
}

export function ContentCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  // Files sent with a message show in the conversation; the rest belong to the letter itself.
  const files = p.files.filter((f) => !f.messageId);
  return (
    <Card title="Nội dung đơn" data-testid="petition-content">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {p.title}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', maxHeight: 420, overflowY: 'auto' }} data-testid="petition-content-text">
        {p.content}
      </Typography.Paragraph>
      <Typography.Text strong>Tệp đính kèm</Typography.Text>
      <List
        size="small"
        dataSource={files}
        locale={{ emptyText: 'Chưa có tệp đính kèm.' }}
        renderItem={(f) => (
          <List.Item>
            <FileLink petitionId={p.id} f={f} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Tag>{f.source === 'sender' ? 'Người gửi nộp' : 'Cán bộ đính kèm'}</Tag>
              {size(f.size)} · {formatDateTime(f.createdAt)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {canWrite && (
        <div style={{ marginTop: 8 }}>
          <AttachButton petitionId={p.id} onUploaded={(name) => onChanged(`Đã đính kèm ${name}.`)} />
        </div>
      )}
    </Card>
  );
}
