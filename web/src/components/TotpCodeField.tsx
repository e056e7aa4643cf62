// The 6-digit code field used by 2FA enrolment and the 2FA challenge.
import { Form, Input } from 'antd';

export function TotpCodeField({ autoFocus = true }: { autoFocus?: boolean }) {
  return (
    <Form.Item
      label="Mã xác thực (6 chữ số)"
      name="code"
      normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
      rules={[
        { required: true, message: 'Nhập mã 6 chữ số từ ứng dụng xác thực' },
        { pattern: /^\d{6}$/, message: 'Mã xác thực gồm 6 chữ số' },
      ]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        autoFocus={autoFocus}
        size="large"
        placeholder="123456"
        style={{ letterSpacing: '0.3em', fontFamily: 'monospace', fontSize: 20 }}
        data-testid="totp-code"
      />
    </Form.Item>
  );
}
