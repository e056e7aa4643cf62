// A secret the server shows only once (one-time password, API token), with a copy button.
import { Alert, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  value: string;
  description: ReactNode;
  testId: string;
  onClose: () => void;
}

export function OneTimeSecretModal({ open, title, value, description, testId, onClose }: Props) {
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onClose}
      okText="Tôi đã lưu, đóng lại"
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title="Chỉ hiện một lần" description={description} style={{ marginBottom: 16 }} />
      <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 16px' }}>
        <Typography.Text
          copyable={{ text: value, tooltips: ['Sao chép', 'Đã sao chép'] }}
          style={{ fontFamily: 'monospace', fontSize: 18, wordBreak: 'break-all' }}
          data-testid={testId}
        >
          {value}
        </Typography.Text>
      </div>
    </Modal>
  );
}
