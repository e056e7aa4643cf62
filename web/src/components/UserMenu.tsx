// Top-right account menu: password, 2FA, API tokens, sign out (this session or all of them).
import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, type MenuProps, Space } from 'antd';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { ApiError, errorMessage, SIGN_IN_PATH } from '../api/client.ts';
import { useSession } from './session.tsx';

export function UserMenu() {
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();

  const signOut = async (all: boolean) => {
    try {
      await (all ? authApi.logoutAll() : authApi.logout());
    } catch (e) {
      // A session the server already ended is as good as signed out.
      if (!(e instanceof ApiError && e.status === 401)) {
        message.error(errorMessage(e));
        return;
      }
    }
    queryClient.removeQueries();
    navigate(SIGN_IN_PATH, { replace: true });
    message.success(all ? 'Đã đăng xuất khỏi mọi phiên.' : 'Đã đăng xuất.');
  };

  const items: MenuProps['items'] = [
    { key: 'password', label: 'Đổi mật khẩu' },
    { key: 'totp', label: 'Xác thực hai lớp' },
    { key: 'tokens', label: 'Mã truy cập API' },
    { type: 'divider' },
    { key: 'logout', label: 'Đăng xuất' },
    { key: 'logout-all', label: 'Đăng xuất mọi phiên', danger: true },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/doi-mat-khau');
    else if (key === 'totp') navigate('/tai-khoan/xac-thuc-hai-lop');
    else if (key === 'tokens') navigate('/tai-khoan/ma-truy-cap');
    else if (key === 'logout') void signOut(false);
    else if (key === 'logout-all') {
      modal.confirm({
        title: 'Đăng xuất mọi phiên?',
        content: 'Mọi phiên đăng nhập của tài khoản này, trên mọi máy, sẽ kết thúc.',
        okText: 'Đăng xuất mọi phiên',
        cancelText: 'Hủy',
        okButtonProps: { danger: true },
        onOk: () => signOut(true),
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label="Tài khoản của tôi">
        <Space>
          <UserOutlined />
          {me.user.fullName}
          <DownOutlined />
        </Space>
      </Button>
    </Dropdown>
  );
}
