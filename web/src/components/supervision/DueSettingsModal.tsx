// A committee's own due dates for its members' reports (the platform defaults until it sets them).
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, InputNumber, Modal } from 'antd';
import type { SettingInput, SupervisionSetting } from '../../../../common/supervision.ts';
import { supervisionApi } from '../../api/supervision.ts';
import { QueryError } from '../QueryState.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

type Values = Omit<SettingInput, 'version'>;

export function DueSettingsModal({
  orgId,
  orgName,
  onClose,
  onSaved,
}: {
  orgId: string;
  orgName: string;
  onClose: () => void;
  onSaved: (s: SupervisionSetting) => void;
}) {
  const [form] = Form.useForm<Values>();
  const q = useQuery({ queryKey: ['supervision', 'setting', orgId], queryFn: () => supervisionApi.setting(orgId) });
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => supervisionApi.saveSetting(orgId, { ...v, version: q.data?.version ?? 0 }),
    onSaved,
    () => void q.refetch(),
  );
  return (
    <Modal
      open
      title={`Hạn gửi báo cáo: ${orgName}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {q.error && <QueryError error={q.error} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {q.data && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              q.data.isDefault
                ? 'Cấp ủy đang dùng hạn mặc định của hệ thống (không phải quy định bắt buộc): 10 ngày làm việc sau khi hết kỳ.'
                : 'Cấp ủy đã đặt hạn riêng. Báo cáo đã gửi giữ nguyên hạn tại thời điểm gửi.'
            }
          />
          <Form<Values> form={form} layout="vertical" initialValues={q.data} key={q.data.version}>
            <Form.Item
              name="halfDueWorkingDays"
              label="Báo cáo 6 tháng: số ngày làm việc sau ngày 30/6"
              rules={[{ required: true, message: 'Cần số ngày' }]}
            >
              <InputNumber min={0} max={60} />
            </Form.Item>
            <Form.Item
              name="yearDueWorkingDays"
              label="Báo cáo năm: số ngày làm việc sau ngày 31/12"
              rules={[{ required: true, message: 'Cần số ngày' }]}
            >
              <InputNumber min={0} max={60} />
            </Form.Item>
            <Form.Item
              name="opensMonthsBeforeEnd"
              label="Bắt đầu nhận báo cáo từ bao nhiêu tháng trước khi hết kỳ"
              rules={[{ required: true, message: 'Cần số tháng' }]}
            >
              <InputNumber min={1} max={6} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
