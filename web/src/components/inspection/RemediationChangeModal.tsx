// One change of a remediation item: report it done (date and result), move its due date, cancel it
// or reopen it, each with what the server requires (a reason, a note) and the version that was read.
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { RemediationDetail, RemediationItem } from '../../../../common/remediation.ts';
import { remediationApi } from '../../api/remediation.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

export type RemediationChange = 'done' | 'due' | 'cancel' | 'reopen';

interface Values {
  doneOn?: Dayjs | null;
  resultNote?: string;
  dueOn?: Dayjs | null;
  reason?: string;
  cancelledReason?: string;
}

const TITLES: Record<RemediationChange, string> = {
  done: 'Xác nhận hoàn thành yêu cầu khắc phục',
  due: 'Đổi hạn hoàn thành',
  cancel: 'Hủy bỏ yêu cầu khắc phục',
  reopen: 'Mở lại yêu cầu khắc phục',
};

export function RemediationChangeModal({
  item,
  change,
  onClose,
  onSaved,
  onConflict,
}: {
  item: RemediationItem;
  change: RemediationChange;
  onClose: () => void;
  onSaved: (r: RemediationDetail) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = (v: Values) => {
    const version = item.version;
    if (change === 'done')
      return remediationApi.update(item.id, {
        version,
        status: 'done',
        doneOn: dayToIso(v.doneOn) ?? undefined,
        resultNote: v.resultNote?.trim(),
      });
    if (change === 'due')
      return remediationApi.update(item.id, { version, status: 'open', dueOn: dayToIso(v.dueOn) ?? undefined, reason: v.reason?.trim() });
    if (change === 'cancel')
      return remediationApi.update(item.id, { version, status: 'cancelled', cancelledReason: v.cancelledReason?.trim() });
    return remediationApi.update(item.id, { version, status: 'open', reason: v.reason?.trim() });
  };
  const { submit, busy, error } = useFormSubmit(form, save, onSaved, onConflict);
  // The field is named as the server names it, so that its message lands on it.
  const reasonName = change === 'cancel' ? 'cancelledReason' : 'reason';
  return (
    <Modal
      open
      title={TITLES[change]}
      okText={change === 'cancel' ? 'Hủy bỏ yêu cầu' : 'Lưu'}
      okButtonProps={{
        danger: change === 'cancel',
        'data-testid': change === 'done' ? 'remediation-done-submit' : `remediation-${change}-submit`,
      }}
      cancelText="Đóng"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{item.caseCode}</Typography.Text> — {item.requirement}
        <br />
        <Typography.Text type="secondary">
          Người chịu trách nhiệm: {item.ownerName}; hạn {formatDate(item.dueOn)}.
        </Typography.Text>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ doneOn: dayjs() }}>
        {change === 'done' && (
          <>
            <Form.Item name="doneOn" label="Ngày hoàn thành" rules={[{ required: true, message: 'Cần chọn ngày hoàn thành' }]}>
              <DatePicker
                format={VN_DATE_FORMATS}
                placeholder={VN_DATE_PLACEHOLDER}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                data-testid="remediation-done-date"
              />
            </Form.Item>
            <Form.Item
              name="resultNote"
              label="Kết quả thực hiện"
              rules={[{ required: true, min: 5, whitespace: true, message: 'Cần ghi kết quả thực hiện (ít nhất 5 ký tự)' }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount data-testid="remediation-done-note" />
            </Form.Item>
            {/* Where the server's "evidence needed" message shows, if the list was stale. */}
            <Form.Item name="evidence" style={{ marginBottom: 0 }}>
              <Input type="hidden" />
            </Form.Item>
          </>
        )}
        {change === 'due' && (
          <Form.Item
            name="dueOn"
            label="Hạn mới (ngày nghỉ sẽ chuyển sang ngày làm việc kế tiếp)"
            rules={[{ required: true, message: 'Cần chọn hạn mới' }]}
          >
            <DatePicker
              format={VN_DATE_FORMATS}
              placeholder={VN_DATE_PLACEHOLDER}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="remediation-due-date"
            />
          </Form.Item>
        )}
        {change !== 'done' && (
          <Form.Item
            name={reasonName}
            label="Lý do"
            rules={[{ required: true, min: 5, whitespace: true, message: 'Cần nêu lý do (ít nhất 5 ký tự)' }]}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid={`remediation-${reasonName}`} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
