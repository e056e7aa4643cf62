// "Giải thể / Đóng": the unit ends on a date; its members move to the successor, history is kept.
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Org } from '../../../../common/orgs.ts';
import { orgLifecycleApi } from '../../api/orgs.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  date: Dayjs;
  successorId?: string;
  decisionNo?: string;
  note?: string;
}

export function OrgCloseModal({ org, onClose, onDone }: { org: Org; onClose: () => void; onDone: (o: Org) => void }) {
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      orgLifecycleApi.close(org.id, {
        date: dayToIso(v.date) ?? '',
        successorId: v.successorId ?? null,
        decisionNo: v.decisionNo?.trim() || null,
        note: v.note?.trim() || null,
      }),
    onDone,
    null,
  );
  return (
    <Modal
      open
      title={`Giải thể, chấm dứt hoạt động: ${org.name}`}
      okText="Giải thể"
      okButtonProps={{ danger: true, 'data-testid': 'org-close-confirm' }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title="Đơn vị hết hiệu lực từ ngày đã chọn; hồ sơ và lịch sử vẫn được giữ. Đảng viên đang sinh hoạt được chuyển sang tổ chức tiếp nhận."
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item label="Ngày hiệu lực" name="date" rules={[{ required: true, message: 'Nhập ngày hiệu lực (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
        </Form.Item>
        <Form.Item label="Tổ chức tiếp nhận" name="successorId" extra="Bắt buộc khi đơn vị còn đảng viên đang sinh hoạt.">
          <OrgPicker allowClear exclude={[org.id]} data-testid="org-close-successor" />
        </Form.Item>
        <Form.Item label="Số quyết định" name="decisionNo">
          <Input maxLength={100} placeholder="Ví dụ: 125-QĐ/TU" />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
