// Entering the receipt code and the secret. Both fields refuse to be remembered by the browser, and
// obvious typing mistakes are caught here, before the phone spends seconds on the anti-robot check.
import { Alert, Button, Form, Input } from 'antd';
import type { PortalCredentials } from '../api/portal.ts';
import { receiptCodeProblem, secretProblem, typingCode } from './format.ts';
import { MONO } from './styles.ts';

interface Props {
  busy: boolean;
  waitSeconds: number;
  error: string | null;
  onLookup: (creds: PortalCredentials) => void;
}

/** An antd rule from a function that names the problem of a value. */
const check = (problem: (v: string) => string | null) => async (_: unknown, v: string | undefined) => {
  const p = problem(v ?? '');
  if (p) throw new Error(p);
};

const noMemory = { autoComplete: 'off', autoCorrect: 'off', spellCheck: false } as const;

export function LookupForm({ busy, waitSeconds, error, onLookup }: Props) {
  const [form] = Form.useForm<PortalCredentials>();
  return (
    <Form<PortalCredentials>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={busy}
      autoComplete="off"
      onFinish={(v) => onLookup({ receiptCode: v.receiptCode.replace(/\D/g, ''), secret: v.secret.trim().toUpperCase() })}
      data-testid="follow-form"
    >
      <Form.Item
        name="receiptCode"
        label="Mã tiếp nhận"
        normalize={typingCode}
        validateTrigger="onBlur"
        rules={[{ validator: check(receiptCodeProblem) }]}
      >
        <Input
          size="large"
          inputMode="numeric"
          placeholder="1234 5678 9012 3456"
          style={{ fontFamily: MONO, fontSize: 20 }}
          data-testid="follow-code"
          {...noMemory}
        />
      </Form.Item>
      <Form.Item name="secret" label="Mã bí mật" validateTrigger="onBlur" rules={[{ validator: check(secretProblem) }]}>
        <Input
          size="large"
          autoCapitalize="characters"
          placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-X"
          style={{ fontFamily: MONO, fontSize: 16 }}
          data-testid="follow-secret"
          {...noMemory}
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="follow-error" />}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={busy}
        disabled={waitSeconds > 0}
        style={{ height: 52, fontSize: 18 }}
        data-testid="follow-submit"
      >
        {waitSeconds > 0 ? `Xem tình trạng đơn (chờ ${waitSeconds} giây)` : 'Xem tình trạng đơn'}
      </Button>
    </Form>
  );
}
