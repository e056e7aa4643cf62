import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { authApi, ME_KEY, stagePath, useMe } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { useBackoff } from '../components/useBackoff.ts';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { waitSeconds, noteError } = useBackoff();

  if (me.data && !busy) return <Navigate to={stagePath(me.data.stage)} replace />;

  const from = (location.state as { from?: string } | null)?.from;

  const onFinish = async (v: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const { stage } = await authApi.login(v.username.trim(), v.password);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate(stage === 'full' && from ? from : stagePath(stage), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      noteError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title="Đăng nhập">
      <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, whitespace: true, message: 'Nhập tên đăng nhập' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
        <Button type="primary" htmlType="submit" size="large" block loading={busy} disabled={waitSeconds > 0} data-testid="login-submit">
          {waitSeconds > 0 ? `Đăng nhập (chờ ${waitSeconds} giây)` : 'Đăng nhập'}
        </Button>
      </Form>
    </AuthLayout>
  );
}
