// Approving a programme (or its amendment): the decision number; the server keeps the approved state as
// the next revision.
import { Alert, Form, Input, Modal } from 'antd';
import type { Programme } from '../../../../common/programmes.ts';
import { programmesApi } from '../../api/programmes.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

export function ApproveModal({
  programme,
  onClose,
  onSaved,
  onConflict,
}: {
  programme: Programme;
  onClose: () => void;
  onSaved: (p: Programme) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<{ decisionNo?: string }>();
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => programmesApi.approve(programme.id, { decisionNo: v.decisionNo?.trim() || null, version: programme.version }),
    onSaved,
    onConflict,
  );
  const amending = programme.status === 'amending';
  return (
    <Modal
      open
      title={amending ? 'Phê duyệt điều chỉnh chương trình' : 'Phê duyệt chương trình'}
      okText="Phê duyệt"
      cancelText="Đóng"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'programme-approve-confirm' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <p>
        Chương trình được lưu thành lần phê duyệt thứ {programme.revision + 1}
        {amending && programme.amendReason ? ` (điều chỉnh: ${programme.amendReason})` : ''}. Sau khi phê duyệt, muốn sửa nội dung phải mở
        điều chỉnh.
      </p>
      <Form form={form} layout="vertical">
        <Form.Item name="decisionNo" label="Số quyết định phê duyệt">
          <Input maxLength={100} placeholder="Ví dụ: 05-QĐ/UBKT" data-testid="programme-decision-no" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
