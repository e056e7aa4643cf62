// "Xem thông tin người gửi", for the custodian only (petition.identity.read; domain.md §5: the denouncer's
// identity is visible only to those who must know, every reading logged). The reason is asked each time;
// the contact is fetched on demand, held only while the window is open, never cached, and cleared on close
// or when leaving the page.
import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, type ButtonProps, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { type IdentityRead, petitionsApi } from '../../api/petitions.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { senderLabel } from './labels.tsx';

function Contact({ read }: { read: IdentityRead }) {
  const c = read.contact;
  const none = <Typography.Text type="secondary">Không ghi</Typography.Text>;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        style={{ marginBottom: 12 }}
        title="Thông tin mật: không ghi lại, không cung cấp cho người bị tố cáo."
        description={`Lần xem này đã được ghi nhật ký lúc ${formatDateTime(read.readAt)}.`}
      />
      <Descriptions size="small" column={1} bordered data-testid="identity-contact">
        <Descriptions.Item label="Người gửi">{senderLabel(read.senderIdentity)}</Descriptions.Item>
        {c ? (
          <>
            <Descriptions.Item label="Họ tên">{c.name ?? none}</Descriptions.Item>
            <Descriptions.Item label="Địa chỉ">{c.address ?? none}</Descriptions.Item>
            <Descriptions.Item label="Số điện thoại">{c.phone ?? none}</Descriptions.Item>
            <Descriptions.Item label="Thư điện tử">{c.email ?? none}</Descriptions.Item>
            <Descriptions.Item label="Số CCCD/CMND">{c.idNumber ?? none}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label="Liên hệ">Đơn không có thông tin liên hệ.</Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}

/** Mounted only while open: closing it drops the form, the reason and the contact read. */
function IdentityModal({ petitionId, onClose }: { petitionId: string; onClose: () => void }) {
  const [read, setRead] = useState<IdentityRead | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const s = useFormSubmit(form, (v) => petitionsApi.readIdentity(petitionId, v.reason), setRead, null);
  return (
    <Modal
      open
      title="Thông tin người gửi đơn"
      onCancel={onClose}
      destroyOnHidden
      okText={read ? 'Đóng' : 'Xem'}
      cancelText="Hủy"
      onOk={read ? onClose : s.submit}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'identity-submit' } as ButtonProps}
      cancelButtonProps={{ style: read ? { display: 'none' } : undefined }}
    >
      {read ? (
        <Contact read={read} />
      ) : (
        <>
          {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 12 }} role="alert" />}
          <Typography.Paragraph>
            Thông tin người gửi được bảo mật. Mỗi lần xem phải nêu lý do và được ghi vào nhật ký kiểm toán cùng tên tài khoản của bạn.
          </Typography.Paragraph>
          <Form form={form} layout="vertical">
            <Form.Item
              name="reason"
              label="Lý do cần xem"
              rules={[{ required: true, whitespace: true, min: 10, message: 'Nêu lý do cần xem (ít nhất 10 ký tự)' }]}
            >
              <Input.TextArea
                rows={3}
                maxLength={1000}
                placeholder="Ví dụ: liên hệ người gửi để làm rõ nội dung tố cáo theo yêu cầu của tổ kiểm tra"
                data-testid="identity-reason"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

export function IdentityButton({ petitionId }: { petitionId: string }) {
  const [openFor, setOpenFor] = useState<string | null>(null);
  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpenFor(petitionId)} data-testid="identity-open">
        Xem thông tin người gửi
      </Button>
      {/* Another letter opening in the same page closes the window of the previous one. */}
      {openFor === petitionId && <IdentityModal key={petitionId} petitionId={petitionId} onClose={() => setOpenFor(null)} />}
    </>
  );
}
