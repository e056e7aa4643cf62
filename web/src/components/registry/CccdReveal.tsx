// "Xem số CCCD": the whole number is shown only after a stated reason, and the server records the
// reading in the audit log (permission member.identity.read).
import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { membersApi } from '../../api/members.ts';

interface Props {
  memberId: string;
  /** Relatives and other holders later; the button label says whose number it is. */
  buttonLabel?: string;
}

export function CccdReveal({ memberId, buttonLabel = 'Xem số CCCD' }: Props) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cccd, setCccd] = useState<string | null>(null);

  const close = () => {
    setOpen(false);
    setCccd(null);
    setError(null);
    form.resetFields();
  };

  const submit = async () => {
    if (cccd) return close();
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    setBusy(true);
    setError(null);
    try {
      setCccd((await membersApi.revealCccd(memberId, reason.trim())).cccd);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="cccd-reveal">
        {buttonLabel}
      </Button>
      <Modal
        open={open}
        title="Xem số căn cước công dân"
        okText={cccd ? 'Đóng' : 'Xem số'}
        cancelText="Hủy"
        cancelButtonProps={cccd ? { style: { display: 'none' } } : undefined}
        onOk={submit}
        onCancel={close}
        confirmLoading={busy}
        destroyOnHidden
      >
        {cccd ? (
          <div style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 16px' }}>
            <Typography.Text
              copyable={{ text: cccd, tooltips: ['Sao chép', 'Đã sao chép'] }}
              style={{ fontFamily: 'monospace', fontSize: 20 }}
              data-testid="cccd-value"
            >
              {cccd}
            </Typography.Text>
          </div>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              title="Việc xem số CCCD được ghi vào nhật ký kiểm toán cùng với lý do bạn nêu."
              style={{ marginBottom: 16 }}
            />
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
            <Form form={form} layout="vertical">
              <Form.Item
                label="Lý do cần xem"
                name="reason"
                rules={[{ required: true, whitespace: true, min: 5, message: 'Nêu lý do (ít nhất 5 ký tự)' }]}
              >
                <Input.TextArea rows={3} maxLength={500} placeholder="Ví dụ: đối chiếu hồ sơ kê khai tài sản" data-testid="cccd-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}
