// The signed-in user's 2FA status, with enrolment when it is not on yet.
import { Alert, Button, Card, Descriptions, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';
import { useSession } from '../components/session.tsx';

export function TotpStatusPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Xác thực hai lớp"
        description="Mỗi lần đăng nhập, ngoài mật khẩu, bạn nhập thêm mã 6 chữ số từ ứng dụng xác thực trên điện thoại."
      />
      <Card style={{ maxWidth: 720 }}>
        <Descriptions column={1}>
          <Descriptions.Item label="Trạng thái">
            {user.totpEnabled ? <Tag color="green">Đã bật</Tag> : <Tag color="orange">Chưa bật</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Yêu cầu với tài khoản">
            {user.totpRequired ? 'Bắt buộc theo vai trò được giao' : 'Không bắt buộc (nên bật)'}
          </Descriptions.Item>
        </Descriptions>
        {user.totpEnabled ? (
          <Alert
            type="info"
            showIcon
            title="Nếu mất hoặc đổi điện thoại"
            description="Hãy đăng nhập bằng một mã khôi phục đã lưu, hoặc đề nghị quản trị viên đặt lại xác thực hai lớp cho tài khoản của bạn; sau đó đăng ký lại với điện thoại mới."
          />
        ) : (
          <Button type="primary" onClick={() => navigate('/xac-thuc-hai-lop/dang-ky')} data-testid="totp-enrol-start">
            Đăng ký xác thực hai lớp
          </Button>
        )}
      </Card>
    </>
  );
}
