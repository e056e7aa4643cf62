// The portal's frame: a plain header with the way home, a narrow column that reads well on a phone,
// and a footer that says what the portal does not do with a visitor. No outside assets of any kind.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { confirmLeave } from './useLeaveWarning.ts';

export const PORTAL_RED = '#b71c1c';

export function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f5f5f5' }}>
      <header style={{ background: PORTAL_RED, color: '#fff' }}>
        <div style={{ maxWidth: 760, margin: '0 auto', padding: 12, boxSizing: 'border-box' }}>
          <Link
            to="/cong-khai"
            onClick={(e) => {
              if (!confirmLeave()) e.preventDefault();
            }}
            style={{ color: '#fff', textDecoration: 'none', display: 'block' }}
            data-testid="portal-home-link"
          >
            <div style={{ fontSize: 20, fontWeight: 700, lineHeight: 1.3 }}>Cổng tiếp nhận đơn thư</div>
            <div style={{ fontSize: 14, opacity: 0.9 }}>Ủy ban kiểm tra các cấp của Đảng</div>
          </Link>
        </div>
      </header>
      <main style={{ flex: 1, width: '100%', maxWidth: 760, margin: '0 auto', padding: '16px 12px 32px', boxSizing: 'border-box' }}>
        {children}
      </main>
      <footer style={{ borderTop: '1px solid #e8e8e8', background: '#fff' }}>
        <Typography.Paragraph
          type="secondary"
          style={{ maxWidth: 760, margin: '0 auto', padding: 12, boxSizing: 'border-box', fontSize: 13 }}
        >
          Không cần tài khoản. Cổng không dùng dịch vụ hay tài nguyên của bên ngoài, không theo dõi người truy cập và không lưu địa chỉ mạng
          (IP) của bạn cùng với đơn.
        </Typography.Paragraph>
      </footer>
    </div>
  );
}
