// The receipt, shown once: the code that identifies the letter and the secret that proves the holder
// sent it. Neither is kept anywhere (no storage, no URL, no history): leaving this page loses them, so
// the page asks the citizen to write them down and to say they did.
import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PortalReceipt } from '../../../common/portal-api.ts';
import { copyText, groupCode, longVnDate } from './format.ts';
import { MONO } from './styles.ts';
import { useLeaveWarning } from './useLeaveWarning.ts';

function CodeBox({ label, value, testId, hint }: { label: string; value: string; testId: string; hint: string }) {
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(value)) message.success(`Đã sao chép ${label.toLowerCase()}`);
    else message.error('Không sao chép được, vui lòng chép tay');
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text strong style={{ fontSize: 16 }}>
        {label}
      </Typography.Text>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 8,
          marginTop: 6,
          padding: '12px 14px',
          background: '#fffbe6',
          border: '2px dashed #faad14',
          borderRadius: 8,
        }}
      >
        <span
          data-testid={testId}
          style={{ flex: '1 1 220px', fontFamily: MONO, fontSize: 22, fontWeight: 600, letterSpacing: 1, overflowWrap: 'anywhere' }}
        >
          {/* Each group stays whole when the line breaks: a secret split inside a group is easy to miscopy. */}
          {value.split(' ').map((word, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the groups of a fixed string
            <Fragment key={i}>
              {i > 0 && ' '}
              {word.split(/(?<=-)/).map((g, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the groups of a fixed string
                <span key={j} style={{ display: 'inline-block' }}>
                  {g}
                </span>
              ))}
            </Fragment>
          ))}
        </span>
        <Button icon={<CopyOutlined />} size="large" onClick={copy} data-testid={`${testId}-copy`}>
          Sao chép
        </Button>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {hint}
      </Typography.Text>
    </div>
  );
}

export function ReceiptView({ receipt }: { receipt: PortalReceipt }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  useLeaveWarning(!saved);
  const code = groupCode(receipt.receiptCode);
  const copyBoth = async () => {
    if (await copyText(`Mã tiếp nhận: ${code}\nMã bí mật: ${receipt.secret}`)) message.success('Đã sao chép cả hai mã');
    else message.error('Không sao chép được, vui lòng chép tay');
  };

  return (
    <div data-testid="portal-receipt">
      <div style={{ textAlign: 'center', margin: '8px 0 16px' }}>
        <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} />
        <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
          Đơn đã được gửi
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, margin: 0 }} data-testid="portal-receipt-info">
          Nơi nhận: <strong>{receipt.bodyName}</strong>
          <br />
          Ngày nhận: {longVnDate(receipt.receivedOn)}
        </Typography.Paragraph>
      </div>

      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Hãy chép lại hai mã này ngay bây giờ"
        description="Mã bí mật chỉ hiện một lần, trên trang này. Cơ quan nhận đơn cũng không biết mã bí mật và không thể cấp lại. Ai có cả hai mã đều xem được đơn, nên đừng đưa cho người khác."
      />

      <Card style={{ marginBottom: 16 }}>
        <CodeBox label="Mã tiếp nhận" value={code} testId="receipt-code" hint="16 chữ số, dùng để tra cứu đơn." />
        <CodeBox
          label="Mã bí mật"
          value={receipt.secret}
          testId="receipt-secret"
          hint="26 ký tự: chữ in hoa và chữ số. Giữ kín, không đưa cho ai."
        />
        <Button block size="large" icon={<CopyOutlined />} onClick={copyBoth} data-testid="receipt-copy-both">
          Sao chép cả hai mã
        </Button>
      </Card>

      <Card title="Lời khuyên" size="small" style={{ marginBottom: 16 }}>
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          <li>Chép hai mã ra giấy và cất ở nơi an toàn.</li>
          <li>Không chụp ảnh màn hình gửi qua mạng xã hội, không lưu trên máy tính hay điện thoại dùng chung.</li>
          <li>Cán bộ không bao giờ hỏi mã bí mật của bạn.</li>
          <li>Để theo dõi đơn: vào Cổng tiếp nhận đơn thư, chọn «Theo dõi đơn» và nhập hai mã.</li>
        </ul>
      </Card>

      <Checkbox
        checked={saved}
        onChange={(e) => setSaved(e.target.checked)}
        style={{
          display: 'flex',
          fontSize: 16,
          padding: '12px',
          marginBottom: 12,
          background: '#fff',
          border: '1px solid #d9d9d9',
          borderRadius: 8,
        }}
        data-testid="receipt-saved"
      >
        Tôi đã lưu mã tiếp nhận và mã bí mật
      </Checkbox>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Button
          type="primary"
          size="large"
          disabled={!saved}
          onClick={() => navigate('/cong-khai/theo-doi')}
          style={{ flex: '1 1 200px' }}
          data-testid="receipt-follow"
        >
          Theo dõi đơn
        </Button>
        <Button
          size="large"
          disabled={!saved}
          onClick={() => navigate('/cong-khai')}
          style={{ flex: '1 1 200px' }}
          data-testid="receipt-home"
        >
          Về trang đầu
        </Button>
      </div>
    </div>
  );
}
