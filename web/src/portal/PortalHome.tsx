// The portal's landing page: the two things a visitor comes to do, what happens to a letter, how the
// sender is protected, and what becomes of a letter sent without a name (domain.md §5).
import { EditOutlined, LockOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PORTAL_RED } from './PortalLayout.tsx';

function BigAction({ to, icon, title, text, testId }: { to: string; icon: ReactNode; title: string; text: string; testId: string }) {
  return (
    <Link
      to={to}
      data-testid={testId}
      style={{
        flex: '1 1 260px',
        display: 'flex',
        gap: 16,
        alignItems: 'center',
        minHeight: 96,
        padding: '16px 20px',
        borderRadius: 10,
        background: '#fff',
        border: `2px solid ${PORTAL_RED}`,
        color: 'inherit',
        textDecoration: 'none',
      }}
    >
      <span style={{ fontSize: 32, color: PORTAL_RED }}>{icon}</span>
      <span>
        <span style={{ display: 'block', fontSize: 20, fontWeight: 700, color: PORTAL_RED }}>{title}</span>
        <span style={{ display: 'block', fontSize: 15, color: '#595959' }}>{text}</span>
      </span>
    </Link>
  );
}

const STEPS: [string, string][] = [
  ['Gửi đơn', 'Chọn cơ quan nhận đơn, ghi nội dung và đính kèm tài liệu nếu có. Không cần tài khoản.'],
  [
    'Nhận mã',
    'Ngay khi gửi, bạn nhận mã tiếp nhận (16 chữ số) và mã bí mật. Mã bí mật chỉ hiện một lần và không cấp lại được: hãy chép ra giấy.',
  ],
  [
    'Phân loại và giải quyết',
    'Cơ quan nhận đơn phân loại theo quy định của Đảng: thụ lý giải quyết, chuyển đến cấp có thẩm quyền, lưu làm thông tin hoặc không thụ lý, có ghi căn cứ. Thời hạn giải quyết tính theo ngày làm việc.',
  ],
  [
    'Theo dõi và trao đổi',
    'Với hai mã, bạn xem tình trạng, thời hạn, câu trả lời và nhắn tin với cán bộ giải quyết mà không phải cho biết mình là ai.',
  ],
];

export function PortalHome() {
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 4, fontSize: 24 }}>
        Gửi đơn tố cáo, kiến nghị, phản ánh đến Ủy ban kiểm tra
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16 }}>
        Công dân và đảng viên gửi đơn về cán bộ, đảng viên, tổ chức đảng tại đây và theo dõi việc giải quyết.
      </Typography.Paragraph>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, margin: '16px 0 24px' }}>
        <BigAction to="gui-don" icon={<EditOutlined />} title="Gửi đơn" text="Viết và gửi đơn mới" testId="portal-submit-link" />
        <BigAction
          to="theo-doi"
          icon={<SearchOutlined />}
          title="Theo dõi đơn"
          text="Xem tình trạng bằng mã tiếp nhận và mã bí mật"
          testId="portal-follow-link"
        />
      </div>

      <Card title="Đơn của bạn được xử lý thế nào" style={{ marginBottom: 16 }}>
        <ol style={{ margin: 0, paddingLeft: 22 }}>
          {STEPS.map(([title, text]) => (
            <li key={title} style={{ marginBottom: 10 }}>
              <Typography.Text strong>{title}. </Typography.Text>
              <Typography.Text>{text}</Typography.Text>
            </li>
          ))}
        </ol>
      </Card>

      <Card
        title={
          <span>
            <LockOutlined style={{ color: PORTAL_RED }} /> Bảo mật người gửi
          </span>
        }
        style={{ marginBottom: 16 }}
      >
        <ul style={{ margin: 0, paddingLeft: 22 }}>
          <li>Họ tên và địa chỉ liên hệ của bạn được mã hóa ngay khi nhận.</li>
          <li>
            Chỉ cán bộ được giao quản lý danh tính người gửi mới đọc được, phải nêu lý do, và mỗi lần đọc đều được ghi lại. Người bị tố cáo,
            phản ánh không bao giờ được biết bạn là ai.
          </li>
          <li>Theo dõi đơn chỉ cần mã tiếp nhận và mã bí mật. Cán bộ không bao giờ hỏi mã bí mật của bạn.</li>
        </ul>
      </Card>

      <Alert
        type="info"
        showIcon
        title="Nếu gửi không nêu tên"
        description="Đơn tố cáo không nêu tên, mạo tên hoặc không rõ địa chỉ người gửi không được giải quyết như đơn tố cáo. Nếu nội dung cụ thể, đơn được lưu làm thông tin phục vụ công tác kiểm tra, giám sát và có thể dẫn đến kiểm tra khi có dấu hiệu vi phạm. Cơ quan không trả lời bằng văn bản cho đơn không tên, nhưng bạn vẫn theo dõi được đơn bằng mã tiếp nhận và mã bí mật."
      />
    </>
  );
}
