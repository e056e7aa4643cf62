// What the citizen sees while the page solves the anti-robot check: that it is running, for how long,
// and a way to stop.
import { Button, Card, Space, Spin, Typography } from 'antd';

export function PowProgress({ seconds, onCancel }: { seconds: number; onCancel: () => void }) {
  return (
    <Card data-testid="pow-progress" role="status" aria-live="polite" style={{ borderColor: '#ffd591', background: '#fffbe6' }}>
      <Space align="start" size={16}>
        <Spin size="large" />
        <div>
          <Typography.Text strong style={{ fontSize: 17 }}>
            Đang xác minh chống gửi tự động…
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
            Trình duyệt đang giải một phép tính nhỏ để chứng minh đây không phải máy gửi tự động. Việc này thường mất vài giây, trên điện
            thoại có thể lâu hơn. Xin đừng đóng trang.
            {seconds > 0 && ` Đã chạy ${seconds} giây.`}
          </Typography.Paragraph>
          <Button onClick={onCancel} size="large" data-testid="pow-cancel">
            Dừng lại
          </Button>
        </div>
      </Space>
    </Card>
  );
}
