// Create a user (the server answers with a one-time password) or edit one (roles, clearance, disable).
import { Alert, type ButtonProps, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { CLEARANCE_LABELS, CLEARANCES, type Clearance, type Role } from '../../../common/roles.ts';
import type { User } from '../../../common/users.ts';
import { usersApi } from '../api/users.ts';
import { RoleAssignments } from './RoleAssignments.tsx';
import { useFormSubmit } from './useFormSubmit.ts';

interface Values {
  username?: string;
  fullName: string;
  email?: string;
  clearance: Clearance;
  disabled?: boolean;
  roles: { role: Role; orgId: string }[];
}

interface Props {
  user: User | null;
  onClose: () => void;
  onCreated: (user: User, oneTimePassword: string) => void;
  onUpdated: (user: User) => void;
  onConflict: () => void;
}

const clearanceOptions = CLEARANCES.map((c) => ({ value: c, label: CLEARANCE_LABELS[c] }));

export function UserFormModal({ user, onClose, onCreated, onUpdated, onConflict }: Props) {
  const [form] = Form.useForm<Values>();
  // After a conflict the caller reloads the user: refill the form with what is now saved.
  const version = user?.version;
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [version, form]);
  const known = user?.roles.map((r) => ({ id: r.orgId, name: r.orgName })) ?? [];

  const initialValues: Values = user
    ? {
        fullName: user.fullName,
        email: user.email ?? '',
        clearance: user.clearance as Clearance,
        disabled: user.disabled,
        roles: user.roles.map((r) => ({ role: r.role, orgId: r.orgId })),
      }
    : { fullName: '', clearance: 0, roles: [{ role: 'viewer', orgId: '' }] };

  // Editing and creating answer differently (a new user comes with a one-time password): tag which one it was.
  const { submit, busy, error } = useFormSubmit(
    form,
    async (v) => {
      const email = v.email?.trim() ? v.email.trim() : null;
      const roles = v.roles.map((r) => ({ role: r.role, orgId: r.orgId }));
      if (user) {
        const body = { fullName: v.fullName.trim(), email, clearance: v.clearance, disabled: !!v.disabled, roles, version: user.version };
        return { updated: await usersApi.update(user.id, body) };
      }
      const body = {
        username: (v.username ?? '').trim().toLowerCase(),
        fullName: v.fullName.trim(),
        email,
        clearance: v.clearance,
        roles,
      };
      return { created: await usersApi.create(body) };
    },
    (r) => (r.created ? onCreated(r.created.user, r.created.oneTimePassword) : onUpdated(r.updated)),
    user ? onConflict : null,
  );

  return (
    <Modal
      open
      title={user ? `Sửa người dùng ${user.username}` : 'Thêm người dùng'}
      okText={user ? 'Lưu' : 'Tạo người dùng'}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={720}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="user-form-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues}>
        {!user && (
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            extra="3–50 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới. Ví dụ: nguyenvana."
            rules={[
              { required: true, message: 'Nhập tên đăng nhập' },
              { pattern: /^[A-Za-z0-9._-]{3,50}$/, message: 'Tên đăng nhập gồm 3–50 ký tự không dấu' },
            ]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập họ và tên' }]}>
          <Input maxLength={200} data-testid="user-fullname" />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}>
          <Input type="email" autoComplete="off" data-testid="user-email" />
        </Form.Item>
        <Form.Item label="Độ mật được tiếp cận" name="clearance" rules={[{ required: true, message: 'Chọn độ mật' }]}>
          <Select options={clearanceOptions} data-testid="user-clearance" />
        </Form.Item>
        <RoleAssignments known={known} />
        {user && (
          <Form.Item label="Khóa tài khoản" name="disabled" valuePropName="checked" extra="Tài khoản bị khóa không đăng nhập được.">
            <Switch checkedChildren="Đã khóa" unCheckedChildren="Hoạt động" data-testid="user-disabled" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
