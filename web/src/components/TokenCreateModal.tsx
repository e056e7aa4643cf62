import { Alert, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { authApi, type TokenScope } from '../api/auth.ts';
import { useFormSubmit } from './useFormSubmit.ts';

interface Values {
  name: string;
  scopes: TokenScope[];
  expiresInDays: number;
}

export function TokenCreateModal(props: { open: boolean; onClose: () => void; onCreated: (token: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => authApi.createToken({ name: v.name.trim(), scopes: v.scopes, expiresInDays: v.expiresInDays }),
    (r) => {
      form.resetFields();
      props.onCreated(r.token);
    },
    null,
  );

  return (
    <Modal
      open={props.open}
      title="Tạo mã truy cập API"
      okText="Tạo mã"
      cancelText="Hủy"
      onOk={submit}
      onCancel={props.onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ scopes: ['read'], expiresInDays: 90 }} requiredMark={false}>
        <Form.Item
          label="Tên (để nhận ra mã, ví dụ phần mềm dùng mã)"
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, message: 'Tên có ít nhất 2 ký tự' }]}
        >
          <Input maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Form.Item label="Phạm vi" name="scopes" rules={[{ required: true, message: 'Chọn ít nhất một phạm vi' }]}>
          <Checkbox.Group
            options={[
              { label: 'Đọc dữ liệu', value: 'read' },
              { label: 'Ghi dữ liệu', value: 'write' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="Hiệu lực (số ngày, tối đa 365)"
          name="expiresInDays"
          rules={[{ required: true, message: 'Nhập số ngày hiệu lực' }]}
        >
          <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} data-testid="token-days" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
