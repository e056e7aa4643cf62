// Forced (first sign-in, after a reset) or voluntary password change.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../common/auth.ts';
import { authApi, ME_KEY, stagePath, useMe } from '../api/auth.ts';
import { ApiError, errorMessage, SIGN_IN_PATH } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { applyFieldErrors } from '../components/formErrors.ts';
import { FullPageSpin } from '../components/session.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordChangePage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me.isPending) return <FullPageSpin />;
  if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={SIGN_IN_PATH} replace />;
  const forced = me.data?.stage === 'password_change';

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { stage } = await authApi.changePassword(v.currentPassword, v.newPassword);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      message.success('Đã đổi mật khẩu.');
      navigate(stagePath(stage), { replace: true });
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={forced ? 'Đặt mật khẩu mới' : 'Đổi mật khẩu'}>
      {forced && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn cần đặt mật khẩu mới trước khi tiếp tục."
          description="Mật khẩu hiện tại là mật khẩu dùng một lần quản trị viên đã trao cho bạn."
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={busy} requiredMark={false}>
        <Form.Item
          label={forced ? 'Mật khẩu hiện tại (mật khẩu dùng một lần)' : 'Mật khẩu hiện tại'}
          name="currentPassword"
          rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}
        >
          <Input.Password autoComplete="current-password" autoFocus data-testid="current-password" />
        </Form.Item>
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra={`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự. Nên dùng một câu dễ nhớ với bạn nhưng khó đoán với người khác.`}
          rules={[
            { required: true, message: 'Nhập mật khẩu mới' },
            { min: PASSWORD_MIN_LENGTH, message: `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự` },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
            Đổi mật khẩu
          </Button>
          {!forced && (
            <Button block onClick={() => navigate('/')}>
              Quay lại
            </Button>
          )}
        </Space>
      </Form>
    </AuthLayout>
  );
}
