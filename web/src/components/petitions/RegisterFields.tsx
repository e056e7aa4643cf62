// Parts of the register form ("Vào sổ đơn"): who the letter is about (a member or a party organisation of
// the registry, or only a name), and who sent it. The sender's contact is sealed by the server: officers
// never read it back; only the custodian can, after stating why.
import { LockOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Col, Form, type FormInstance, Input, Radio, Row } from 'antd';
import { MemberPicker } from '../MemberPicker.tsx';
import { OrgPicker } from '../OrgPicker.tsx';

export type SubjectType = 'member' | 'org' | 'name';

export interface SubjectValues {
  subjectType: SubjectType;
  subjectMemberId?: string;
  subjectOrgId?: string;
  subjectName?: string;
  subjectPosition?: string;
}

export interface SenderValues {
  senderIdentity: 'named' | 'anonymous' | 'false_name';
  senderAddressKnown: boolean;
  sender: { name?: string; address?: string; phone?: string; email?: string; idNumber?: string };
}

export function SubjectFields({ form }: { form: FormInstance }) {
  const type: SubjectType = Form.useWatch('subjectType', form) ?? 'member';
  return (
    <>
      <Form.Item name="subjectType" label="Người hoặc tổ chức bị phản ánh, tố cáo">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'member', label: 'Đảng viên trong hệ thống' },
            { value: 'org', label: 'Tổ chức đảng' },
            { value: 'name', label: 'Chỉ biết tên' },
          ]}
          data-testid="petition-subject-type"
        />
      </Form.Item>
      {type === 'member' && (
        <Form.Item
          name="subjectMemberId"
          label="Đảng viên"
          rules={[{ required: true, message: 'Chọn đảng viên bị phản ánh, tố cáo' }]}
          extra="Gõ họ tên (có hoặc không dấu) hoặc số CCCD để tìm trong danh sách đảng viên."
        >
          <MemberPicker data-testid="petition-member" />
        </Form.Item>
      )}
      {type === 'org' && (
        <Form.Item name="subjectOrgId" label="Tổ chức đảng" rules={[{ required: true, message: 'Chọn tổ chức đảng bị phản ánh, tố cáo' }]}>
          <OrgPicker data-testid="petition-subject-org" aria-label="Tổ chức đảng bị phản ánh, tố cáo" />
        </Form.Item>
      )}
      <Row gutter={12}>
        {type === 'name' && (
          <Col xs={24} md={12}>
            <Form.Item
              name="subjectName"
              label="Họ tên người bị phản ánh, tố cáo"
              rules={[{ required: true, whitespace: true, message: 'Ghi tên người hoặc tổ chức bị phản ánh, tố cáo' }]}
            >
              <Input maxLength={300} data-testid="petition-subject-name" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={type === 'name' ? 12 : 24}>
          <Form.Item name="subjectPosition" label="Chức vụ, nơi công tác (theo đơn)">
            <Input maxLength={300} placeholder="Ví dụ: Phó Chủ tịch UBND xã" data-testid="petition-subject-position" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function SenderFields({ form }: { form: FormInstance }) {
  const identity = Form.useWatch('senderIdentity', form) ?? 'named';
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item
            name="senderIdentity"
            label="Người gửi"
            rules={[{ required: true, message: 'Chọn người gửi có tên, giấu tên hay mạo tên' }]}
          >
            <Radio.Group
              options={[
                { value: 'named', label: 'Có ghi họ tên' },
                { value: 'anonymous', label: 'Giấu tên' },
                { value: 'false_name', label: 'Mạo tên' },
              ]}
              data-testid="petition-sender-identity"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="senderAddressKnown" label="Địa chỉ người gửi" valuePropName="checked">
            <Checkbox data-testid="petition-address-known">Rõ địa chỉ để liên hệ, trả lời</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        style={{ marginBottom: 12 }}
        title="Thông tin người gửi được mã hóa khi lưu"
        description="Sau khi vào sổ, cán bộ xử lý đơn không xem lại được các thông tin dưới đây; chỉ người quản lý đơn thư mật được xem khi nêu lý do, và mỗi lần xem đều được ghi nhật ký. Để trống nếu đơn không ghi."
      />
      <Row gutter={12}>
        {identity !== 'anonymous' && (
          <Col xs={24} md={12}>
            <Form.Item name={['sender', 'name']} label={identity === 'false_name' ? 'Họ tên ghi trong đơn' : 'Họ tên người gửi'}>
              <Input maxLength={200} autoComplete="off" data-testid="petition-sender-name" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name={['sender', 'idNumber']} label="Số CCCD/CMND">
            <Input maxLength={12} inputMode="numeric" autoComplete="off" data-testid="petition-sender-id" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={['sender', 'address']} label="Địa chỉ">
            <Input maxLength={500} autoComplete="off" data-testid="petition-sender-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sender', 'phone']} label="Số điện thoại">
            <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="petition-sender-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['sender', 'email']} label="Thư điện tử">
            <Input maxLength={200} inputMode="email" autoComplete="off" data-testid="petition-sender-email" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

const clean = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** The contact as the API takes it: empty fields left out, null when nothing was written. */
export function senderContact(v: SenderValues['sender'] | undefined, identity: SenderValues['senderIdentity']) {
  const contact = {
    name: identity === 'anonymous' ? null : clean(v?.name),
    address: clean(v?.address),
    phone: clean(v?.phone),
    email: clean(v?.email),
    idNumber: clean(v?.idNumber),
  };
  return Object.values(contact).some((x) => x !== null) ? contact : null;
}
