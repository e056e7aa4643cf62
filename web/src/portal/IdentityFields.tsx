// Whether the sender gives their name, and the contact details when they do. The consequences of each
// choice are said plainly before the letter is sent (domain.md §5): a letter without a name, under a
// false name or without an address is not resolved as a denunciation; it is kept as information.
import { LockOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Radio, Typography } from 'antd';
import { CHOICE } from './styles.ts';

export function IdentityFields({ denunciation }: { denunciation: boolean }) {
  const anonymous = Form.useWatch<boolean | undefined>('anonymous');
  return (
    <>
      <Form.Item
        name="anonymous"
        label="Thông tin người gửi"
        rules={[{ required: true, message: 'Chọn gửi có nêu tên hoặc không nêu tên' }]}
        style={{ marginBottom: 8 }}
      >
        <Radio.Group style={{ display: 'block' }} data-testid="portal-identity">
          <Radio value={false} style={CHOICE} data-testid="portal-identity-named">
            <strong>Gửi có nêu tên</strong>
            <div style={{ color: '#595959', fontSize: 14 }}>Cơ quan có thể xác minh và trả lời bạn. Danh tính được giữ bí mật.</div>
          </Radio>
          <Radio value={true} style={CHOICE} data-testid="portal-identity-anonymous">
            <strong>Không nêu tên</strong>
            <div style={{ color: '#595959', fontSize: 14 }}>Bạn chỉ theo dõi được đơn bằng mã tiếp nhận và mã bí mật.</div>
          </Radio>
        </Radio.Group>
      </Form.Item>

      {anonymous === true && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="portal-anonymous-warning"
          title="Đơn không nêu tên được lưu làm thông tin"
          description={
            <>
              {denunciation ? 'Đơn tố cáo không nêu tên không được giải quyết như đơn tố cáo. ' : ''}
              Nếu nội dung cụ thể, có căn cứ, đơn được lưu làm thông tin phục vụ công tác kiểm tra, giám sát và có thể dẫn đến kiểm tra khi
              có dấu hiệu vi phạm. Cơ quan không thể trả lời bạn bằng văn bản hay qua bưu điện, nhưng bạn vẫn theo dõi được tình trạng đơn
              và nhắn tin với cán bộ bằng mã tiếp nhận và mã bí mật.
            </>
          }
        />
      )}

      {anonymous === false && (
        <div
          data-testid="portal-sender-fields"
          style={{ padding: '12px 12px 0', background: '#fafafa', borderRadius: 8, marginBottom: 16 }}
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
            <LockOutlined /> Các thông tin này được mã hóa; chỉ cán bộ được giao quản lý danh tính người gửi mới đọc được, và người bị{' '}
            {denunciation ? 'tố cáo' : 'phản ánh'} không bao giờ được biết.
          </Typography.Paragraph>
          <Form.Item
            name={['sender', 'name']}
            label="Họ và tên"
            extra="Ghi đúng họ tên thật: đơn mạo tên không được giải quyết."
            rules={[
              { required: true, whitespace: true, message: 'Nhập họ tên, hoặc chọn gửi không nêu tên' },
              { min: 2, max: 200, message: 'Họ tên từ 2 đến 200 ký tự' },
            ]}
          >
            <Input size="large" autoComplete="name" data-testid="portal-sender-name" />
          </Form.Item>
          <Form.Item
            name={['sender', 'address']}
            label="Địa chỉ liên hệ (nếu có)"
            extra={
              denunciation
                ? 'Cần có địa chỉ để đơn tố cáo được giải quyết và trả lời: đơn không rõ địa chỉ được lưu làm thông tin.'
                : undefined
            }
            rules={[{ min: 5, max: 500, message: 'Địa chỉ từ 5 đến 500 ký tự' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} autoComplete="street-address" data-testid="portal-sender-address" />
          </Form.Item>
          <Form.Item
            name={['sender', 'phone']}
            label="Số điện thoại (nếu có)"
            rules={[{ pattern: /^[0-9+ .()-]{6,20}$/, message: 'Số điện thoại không hợp lệ' }]}
          >
            <Input size="large" inputMode="tel" autoComplete="tel" data-testid="portal-sender-phone" />
          </Form.Item>
          <Form.Item
            name={['sender', 'email']}
            label="Thư điện tử (nếu có)"
            rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}
          >
            <Input size="large" inputMode="email" autoComplete="email" data-testid="portal-sender-email" />
          </Form.Item>
        </div>
      )}
    </>
  );
}
