// 2FA at sign-in: a 6-digit code from the app, or one of the recovery codes.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { authApi, ME_KEY, stagePath, useMe } from '../api/auth.ts';
import { ApiError, errorMessage, SIGN_IN_PATH } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { FullPageSpin } from '../components/session.tsx';
import { TotpCodeField } from '../components/TotpCodeField.tsx';
import { useBackoff } from '../components/useBackoff.ts';

interface Values {
  code?: string;
  recoveryCode?: string;
}

export function TotpChallengePage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { waitSeconds, noteError } = useBackoff();

  if (me.isPending) return <FullPageSpin />;
  if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={SIGN_IN_PATH} replace />;
  if (me.data && me.data.stage !== 'totp' && !busy) return <Navigate to={stagePath(me.data.stage)} replace />;

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = useRecovery ? { recoveryCode: (v.recoveryCode ?? '').trim() } : { code: v.code ?? '' };
      const { stage } = await authApi.verifyTotp(body);
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate(stagePath(stage), { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      noteError(e);
      form.resetFields();
    } finally {
      setBusy(false);
    }
  };

  const switchMode = () => {
    setUseRecovery((r) => !r);
    setError(null);
    form.resetFields();
  };

  const cancel = async () => {
    await authApi.logout().catch(() => undefined);
    queryClient.removeQueries();
    navigate(SIGN_IN_PATH, { replace: true });
  };

  return (
    <AuthLayout title="Xác thực hai lớp">
      <Typography.Paragraph>
        {useRecovery
          ? 'Nhập một trong các mã khôi phục bạn đã lưu khi đăng ký. Mỗi mã chỉ dùng được một lần.'
          : 'Mở ứng dụng xác thực trên điện thoại và nhập mã 6 chữ số đang hiển thị cho KTGS.'}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} disabled={busy} requiredMark={false}>
        {useRecovery ? (
          <Form.Item label="Mã khôi phục" name="recoveryCode" rules={[{ required: true, whitespace: true, message: 'Nhập mã khôi phục' }]}>
            <Input autoComplete="off" autoFocus size="large" style={{ fontFamily: 'monospace' }} data-testid="recovery-code-input" />
          </Form.Item>
        ) : (
          <TotpCodeField />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} disabled={waitSeconds > 0} data-testid="totp-submit">
          {waitSeconds > 0 ? `Xác nhận (chờ ${waitSeconds} giây)` : 'Xác nhận'}
        </Button>
      </Form>
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }}>
        <Button type="link" onClick={switchMode} style={{ padding: 0 }} data-testid="use-recovery-code">
          {useRecovery ? 'Dùng mã từ ứng dụng xác thực' : 'Dùng mã khôi phục'}
        </Button>
        <Button type="link" onClick={cancel} style={{ padding: 0 }}>
          Đăng nhập tài khoản khác
        </Button>
      </Space>
    </AuthLayout>
  );
}
