// "Chuyển sinh hoạt": closes the current cell period and opens one in the chosen cell.
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type Member, membersApi } from '../../api/members.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  toOrgId: string;
  date: Dayjs;
  reason?: string;
}

export function TransferModal({
  member,
  onClose,
  onSaved,
  onConflict,
}: {
  member: Member;
  onClose: () => void;
  onSaved: (m: Member) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      membersApi.transfer(member.id, {
        toOrgId: v.toOrgId,
        date: dayToIso(v.date) ?? '',
        reason: v.reason?.trim() || null,
        version: member.version,
      }),
    onSaved,
    onConflict,
  );

  return (
    <Modal
      open
      title={`Chuyển sinh hoạt đảng: ${member.fullName}`}
      okText="Chuyển"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p>
        Hiện sinh hoạt tại <strong>{member.orgName}</strong>.
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="transfer-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item label="Chi bộ chuyển đến" name="toOrgId" rules={[{ required: true, message: 'Chọn chi bộ chuyển đến' }]}>
          <OrgPicker exclude={[member.orgId]} data-testid="transfer-org" />
        </Form.Item>
        <Form.Item label="Ngày chuyển" name="date" rules={[{ required: true, message: 'Nhập ngày chuyển (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="transfer-date" />
        </Form.Item>
        <Form.Item label="Lý do" name="reason">
          <Input.TextArea rows={2} maxLength={500} data-testid="transfer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
