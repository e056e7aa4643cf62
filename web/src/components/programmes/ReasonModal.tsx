// A write that needs only a stated reason: reopening a programme for an amendment, cancelling an item.
import { Alert, Form, Input, Modal } from 'antd';
import { useFormSubmit } from '../useFormSubmit.ts';

export function ReasonModal<R>({
  title,
  label,
  okText,
  testId,
  onSubmit,
  onClose,
  onSaved,
  onConflict,
}: {
  title: string;
  label: string;
  okText: string;
  testId: string;
  onSubmit: (reason: string) => Promise<R>;
  onClose: () => void;
  onSaved: (r: R) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, busy, error } = useFormSubmit(form, (v) => onSubmit(v.reason.trim()), onSaved, onConflict);
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="Đóng"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': `${testId}-confirm` }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, min: 5, message: 'Lý do phải có ít nhất 5 ký tự' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
