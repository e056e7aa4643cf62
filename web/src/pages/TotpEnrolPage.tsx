// 2FA enrolment: scan the QR code (or type the secret), confirm a code, then keep the recovery codes.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import type { SessionStage } from '../../../common/auth.ts';
import { authApi, ME_KEY, stagePath, useMe } from '../api/auth.ts';
import { ApiError, errorMessage, SIGN_IN_PATH } from '../api/client.ts';
import { AuthLayout } from '../components/AuthLayout.tsx';
import { applyFieldErrors } from '../components/formErrors.ts';
import { RecoveryCodes } from '../components/RecoveryCodes.tsx';
import { FullPageSpin } from '../components/session.tsx';
import { TotpCodeField } from '../components/TotpCodeField.tsx';

interface Enrolment {
  secret: string;
  qrDataUrl: string;
}

export function TotpEnrolPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ stage: SessionStage; recoveryCodes: string[] } | null>(null);
  const started = useRef(false);

  const canEnrol = me.data && (me.data.stage === 'totp_enrol' || (me.data.stage === 'full' && !me.data.user.totpEnabled));

  const start = useCallback(async () => {
    setStartError(null);
    try {
      const r = await authApi.enrolStart();
      setEnrolment({ secret: r.secret, qrDataUrl: r.qrDataUrl });
    } catch (e) {
      setStartError(errorMessage(e));
    }
  }, []);

  // Start once per visit: each start makes a new secret, so a double call would void the first QR.
  useEffect(() => {
    if (!canEnrol || started.current) return;
    started.current = true;
    void start();
  }, [canEnrol, start]);

  if (me.isPending) return <FullPageSpin />;
  if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={SIGN_IN_PATH} replace />;
  if (!canEnrol && !done && me.data) return <Navigate to={stagePath(me.data.stage)} replace />;

  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await authApi.enrolConfirm(code));
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    navigate(done ? stagePath(done.stage) : '/', { replace: true });
  };

  if (done) {
    return (
      <AuthLayout title="Lưu mã khôi phục" width={520}>
        <RecoveryCodes codes={done.recoveryCodes} />
        <Button type="primary" block size="large" onClick={finish} data-testid="recovery-codes-saved">
          Tôi đã lưu mã khôi phục
        </Button>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Đăng ký xác thực hai lớp" width={520}>
      <Typography.Paragraph>
        Tài khoản của bạn cần thêm một lớp bảo vệ: mỗi lần đăng nhập, ngoài mật khẩu, bạn nhập một mã 6 chữ số do ứng dụng xác thực trên
        điện thoại tạo ra (ví dụ Google Authenticator, Microsoft Authenticator).
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20 }}>
        <li>Mở ứng dụng xác thực trên điện thoại, chọn thêm tài khoản và quét mã QR dưới đây.</li>
        <li>Nếu không quét được, hãy nhập khóa bí mật bên dưới vào ứng dụng.</li>
        <li>Nhập mã 6 chữ số mà ứng dụng hiển thị rồi bấm «Xác nhận».</li>
      </ol>
      {startError && (
        <Alert type="error" showIcon title={startError} action={<Button onClick={start}>Thử lại</Button>} style={{ marginBottom: 16 }} />
      )}
      {!enrolment && !startError && <Spin description="Đang tạo mã QR…" />}
      {enrolment && (
        <div style={{ textAlign: 'center', marginBottom: 16 }}>
          <img
            src={enrolment.qrDataUrl}
            alt="Mã QR để thêm tài khoản vào ứng dụng xác thực"
            width={200}
            height={200}
            data-testid="totp-qr"
            style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}
          />
          <div>
            <Typography.Text type="secondary">Khóa bí mật (chỉ hiện một lần): </Typography.Text>
            <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="totp-secret">
              {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
            </Typography.Text>
          </div>
        </div>
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={busy || !enrolment} requiredMark={false}>
        <TotpCodeField autoFocus={false} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="totp-confirm">
          Xác nhận
        </Button>
      </Form>
    </AuthLayout>
  );
}
