// The ten recovery codes, shown once after enrolment, with the instruction to keep them.
import { Alert, Typography } from 'antd';

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Hãy lưu các mã khôi phục này ngay bây giờ. Chúng sẽ không hiện lại."
        description="Khi không có điện thoại, bạn dùng một mã khôi phục thay cho mã 6 chữ số; mỗi mã chỉ dùng được một lần. Hãy chép ra giấy hoặc in ra và cất ở nơi an toàn, không chụp ảnh gửi qua mạng."
      />
      <ol
        data-testid="recovery-codes"
        aria-label="Mã khôi phục"
        style={{
          columns: 2,
          fontFamily: 'monospace',
          fontSize: 16,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          padding: '12px 12px 12px 40px',
          margin: '0 0 12px',
        }}
      >
        {codes.map((c) => (
          <li key={c} style={{ padding: '2px 0' }}>
            {c}
          </li>
        ))}
      </ol>
      <Typography.Paragraph copyable={{ text: codes.join('\n') }} style={{ textAlign: 'right' }}>
        Sao chép tất cả mã
      </Typography.Paragraph>
    </>
  );
}
