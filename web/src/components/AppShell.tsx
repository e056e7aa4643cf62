// The application frame after sign-in: sider navigation, header with the user menu, page content.
import { MenuFoldOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from './NotificationBell.tsx';
import { DISCIPLINE_MENU_KEY, INSPECTION_MENU_KEY, navItems, REGISTRY_MENU_KEY, selectedKey } from './navItems.tsx';
import { FullPageSpin, useSession } from './session.tsx';
import { UserMenu } from './UserMenu.tsx';

const { Sider, Header, Content, Footer } = Layout;

export function AppShell() {
  const me = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // On narrow screens the menu hides behind a button and closes again after each choice.
  const [narrow, setNarrow] = useState(false);
  const current = selectedKey(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={264}
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        onBreakpoint={setNarrow}
        trigger={null}
        style={{ borderRight: '1px solid #f0f0f0' }}
        data-testid="app-sider"
      >
        <div style={{ padding: '16px 20px', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#b71c1c' }}>
            KTGS
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            Kiểm tra, giám sát và kỷ luật của Đảng
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          items={navItems(me)}
          selectedKeys={current ? [current] : []}
          defaultOpenKeys={[REGISTRY_MENU_KEY, INSPECTION_MENU_KEY, DISCIPLINE_MENU_KEY, 'admin']}
          onClick={({ key }) => {
            navigate(key);
            if (narrow) setCollapsed(true);
          }}
          style={{ borderInlineEnd: 'none' }}
          data-testid="app-menu"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            display: 'flex',
            justifyContent: narrow ? 'space-between' : 'flex-end',
            alignItems: 'center',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {narrow && (
            <Button
              type="text"
              icon={collapsed ? <MenuOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
              aria-label={collapsed ? 'Mở menu' : 'Đóng menu'}
              data-testid="menu-toggle"
            />
          )}
          <Space size="middle">
            <NotificationBell />
            <UserMenu />
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<FullPageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Content>
        <Footer style={{ textAlign: 'center', color: '#888', fontSize: 13 }}>
          KTGS — nền tảng số cho công tác kiểm tra, giám sát và kỷ luật của Đảng
        </Footer>
      </Layout>
    </Layout>
  );
}
