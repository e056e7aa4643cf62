// Add a post (chức vụ) to a member: kind, title, organisation or workplace, managing committee,
// sensitive areas, dates.
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { POST_BY_CODE, SENSITIVE_AREA_LABELS, SENSITIVE_AREAS, type SensitiveArea } from '../../../../common/posts.ts';
import { type Member, membersApi } from '../../api/members.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';
import { postOptions } from './memberLabels.tsx';

interface Values {
  code: string;
  title?: string;
  orgId?: string;
  workplace?: string;
  managedByOrgId?: string;
  sensitiveAreas: SensitiveArea[];
  fromDate: Dayjs;
  toDate?: Dayjs | null;
}

const areaOptions = SENSITIVE_AREAS.map((a) => ({ value: a, label: SENSITIVE_AREA_LABELS[a] }));

export function PostFormModal({ member, onClose, onSaved }: { member: Member; onClose: () => void; onSaved: (m: Member) => void }) {
  const [form] = Form.useForm<Values>();
  const code = Form.useWatch('code', form);
  const isParty = code ? POST_BY_CODE.get(code)?.category === 'party' : false;

  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      membersApi.addPost(member.id, {
        code: v.code,
        title: v.title?.trim() || undefined,
        orgId: v.orgId ?? null,
        workplace: v.workplace?.trim() || null,
        managedByOrgId: v.managedByOrgId ?? null,
        sensitiveAreas: v.sensitiveAreas ?? [],
        fromDate: dayToIso(v.fromDate) ?? '',
        toDate: dayToIso(v.toDate),
      }),
    onSaved,
    null,
  );

  return (
    <Modal
      open
      title={`Thêm chức vụ: ${member.fullName}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={680}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="post-form-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ sensitiveAreas: [], orgId: member.orgId }}>
        <Form.Item label="Chức vụ" name="code" rules={[{ required: true, message: 'Chọn chức vụ' }]}>
          <Select options={postOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn chức vụ" data-testid="post-code" />
        </Form.Item>
        <Form.Item label="Tên chức vụ cụ thể" name="title" extra="Ví dụ: Bí thư Chi bộ Khu phố 3. Để trống sẽ dùng tên chức vụ đã chọn.">
          <Input maxLength={200} data-testid="post-title" />
        </Form.Item>
        <Form.Item
          label={isParty ? 'Tổ chức đảng' : 'Tổ chức đảng liên quan (nếu có)'}
          name="orgId"
          rules={[{ required: isParty, message: 'Chọn tổ chức đảng' }]}
        >
          <OrgPicker allowClear data-testid="post-org" />
        </Form.Item>
        <Form.Item label="Cơ quan, đơn vị công tác" name="workplace">
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="Cán bộ thuộc diện cấp ủy nào quản lý" name="managedByOrgId">
          <OrgPicker allowClear placeholder="Chọn cấp ủy quản lý (nếu có)" />
        </Form.Item>
        <Form.Item label="Lĩnh vực nhạy cảm phụ trách" name="sensitiveAreas">
          <Select mode="multiple" options={areaOptions} placeholder="Không có" data-testid="post-areas" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="Từ ngày" name="fromDate" rules={[{ required: true, message: 'Nhập ngày bắt đầu (dd/mm/yyyy)' }]}>
              <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid="post-from" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Đến ngày (để trống nếu đang giữ)" name="toDate">
              <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
