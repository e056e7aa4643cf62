// Centered card for the sign-in steps, outside the application shell.
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

export function AuthLayout({ title, children, width = 420 }: { title: string; children: ReactNode; width?: number }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(180deg, #fbe9e7 0%, #f5f5f5 60%)',
      }}
    >
      <main style={{ width: '100%', maxWidth: width }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#b71c1c' }}>
            KTGS
          </Typography.Title>
          <Typography.Text type="secondary">Kiểm tra, giám sát và kỷ luật của Đảng</Typography.Text>
        </div>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </div>
  );
}
