// /cong-khai/gui-don: the letter's form, then in its place the receipt. The receipt lives only in this
// component's state: leaving the page forgets it.
import { Typography } from 'antd';
import { useState } from 'react';
import type { PortalReceipt } from '../../../common/portal-api.ts';
import { ReceiptView } from './ReceiptView.tsx';
import { SubmitForm } from './SubmitForm.tsx';

export function SubmitPage() {
  const [receipt, setReceipt] = useState<PortalReceipt | null>(null);
  if (receipt) return <ReceiptView receipt={receipt} />;
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 4 }}>
        Gửi đơn
      </Typography.Title>
      <Typography.Paragraph type="secondary">Không cần tài khoản. Mục có ghi «nếu có», «nếu biết» thì không bắt buộc.</Typography.Paragraph>
      <SubmitForm
        onReceipt={(r) => {
          setReceipt(r);
          window.scrollTo({ top: 0 });
        }}
      />
    </>
  );
}
