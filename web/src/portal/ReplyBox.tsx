// Writing to the handler of the letter, with attachments: code and secret suffice (no anti-robot check).
import { Alert, Button, Input } from 'antd';
import { useState } from 'react';
import { PORTAL_LIMITS, type PortalStatus } from '../../../common/portal-api.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { type PortalCredentials, portalApi } from '../api/portal.ts';
import { AttachmentPicker, attachmentsBlocked } from './AttachmentPicker.tsx';
import { useLeaveWarning } from './useLeaveWarning.ts';

export function ReplyBox({ creds, onSent }: { creds: PortalCredentials; onSent: (s: PortalStatus) => void }) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useLeaveWarning(body.trim().length > 0 || files.length > 0);

  const send = async () => {
    setError(null);
    if (!body.trim()) return setError('Nhập nội dung tin nhắn');
    if (attachmentsBlocked(files)) return setError('Có tệp đính kèm chưa hợp lệ: vui lòng bỏ hoặc thay tệp được đánh dấu đỏ.');
    setBusy(true);
    try {
      const status = await portalApi.sendMessage({ ...creds, body: body.trim() }, files);
      setBody('');
      setFiles([]);
      onSent(status);
    } catch (e) {
      const named = e instanceof ApiError ? Object.entries(e.fields).flatMap(([k, m]) => (k === 'retryAfterSeconds' ? [] : [m])) : [];
      setError(named.length > 0 ? named.join(' ') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="portal-reply">
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 12 }}
        maxLength={PORTAL_LIMITS.messageChars}
        showCount={{
          formatter: ({ count, maxLength }) => `${count.toLocaleString('vi-VN')} / ${(maxLength ?? 0).toLocaleString('vi-VN')} ký tự`,
        }}
        placeholder="Bổ sung thông tin, tài liệu hoặc trả lời câu hỏi của cán bộ"
        aria-label="Nội dung tin nhắn"
        disabled={busy}
        data-testid="portal-reply-body"
      />
      <div style={{ marginTop: 20 }}>
        <AttachmentPicker value={files} onChange={setFiles} disabled={busy} testId="portal-reply-files" />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} role="alert" data-testid="portal-reply-error" />}
      <Button type="primary" size="large" block loading={busy} onClick={send} style={{ marginTop: 12 }} data-testid="portal-reply-send">
        Gửi tin nhắn
      </Button>
    </div>
  );
}
