// Per-user actions in the users table. Resets are confirmed first: they lock the user out until used.
import { App, Button, Space } from 'antd';
import type { User } from '../../../common/users.ts';
import { errorMessage } from '../api/client.ts';
import { usersApi } from '../api/users.ts';

interface Props {
  user: User;
  onEdit: () => void;
  onPassword: (oneTimePassword: string) => void;
  onChanged: () => void;
}

export function UserRowActions({ user, onEdit, onPassword, onChanged }: Props) {
  const { message, modal } = App.useApp();

  const resetPassword = () =>
    modal.confirm({
      title: `Đặt lại mật khẩu của ${user.username}?`,
      content: 'Mật khẩu hiện tại sẽ hết hiệu lực. Một mật khẩu dùng một lần mới sẽ được tạo để trao cho người dùng.',
      okText: 'Đặt lại mật khẩu',
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          const r = await usersApi.resetPassword(user.id);
          onPassword(r.oneTimePassword);
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  const resetTotp = () =>
    modal.confirm({
      title: `Đặt lại xác thực hai lớp của ${user.username}?`,
      content:
        'Ứng dụng xác thực và các mã khôi phục cũ của người dùng sẽ hết hiệu lực. Ở lần đăng nhập sau, người dùng phải đăng ký lại. Chỉ làm việc này khi đã xác minh đúng người yêu cầu.',
      okText: 'Đặt lại xác thực hai lớp',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          await usersApi.resetTotp(user.id);
          message.success(`Đã đặt lại xác thực hai lớp của ${user.username}.`);
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });

  return (
    <Space orientation="vertical" size={4}>
      <Button size="small" onClick={onEdit} data-testid={`user-edit-${user.username}`}>
        Sửa
      </Button>
      <Button size="small" onClick={resetPassword} data-testid={`user-reset-password-${user.username}`}>
        Đặt lại mật khẩu
      </Button>
      <Button size="small" danger onClick={resetTotp} disabled={!user.totpEnabled} data-testid={`user-reset-totp-${user.username}`}>
        Đặt lại xác thực hai lớp
      </Button>
    </Space>
  );
}
