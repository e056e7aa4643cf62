// The small forms that move a case: the decision, the next step (date and note), the extension, and
// suspension, resumption or cancellation with a reason. Each sends the version it read (409 when stale).
import { Alert, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { type CaseKind, type StepCode, stepLabel } from '../../../../common/cases.ts';
import { type CaseDetail, casesApi } from '../../api/cases.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Common {
  c: CaseDetail;
  onClose: () => void;
  onSaved: (c: CaseDetail) => void;
  onConflict: () => void;
}

function Shell<V extends object>(props: {
  title: string;
  okText: string;
  testId: string;
  form: ReturnType<typeof Form.useForm<V>>[0];
  submit: () => Promise<void>;
  busy: boolean;
  error: string | null;
  onClose: () => void;
  initialValues?: Partial<V>;
  children: ReactNode;
  danger?: boolean;
}) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText="Hủy"
      onOk={props.submit}
      onCancel={props.onClose}
      confirmLoading={props.busy}
      okButtonProps={{ danger: props.danger, 'data-testid': `${props.testId}-submit` } as ButtonProps}
      destroyOnHidden
    >
      {props.error && (
        <Alert type="error" showIcon title={props.error} style={{ marginBottom: 16 }} role="alert" data-testid={`${props.testId}-error`} />
      )}
      <Form<V> form={props.form} layout="vertical" initialValues={props.initialValues as V}>
        {props.children}
      </Form>
    </Modal>
  );
}

const dateRule = { required: true, message: 'Nhập ngày (dd/mm/yyyy)' };

export function DecisionModal({ c, onClose, onSaved, onConflict }: Common) {
  const [form] = Form.useForm<{ decidedOn: Dayjs; decisionNo?: string }>();
  const s = useFormSubmit(
    form,
    (v) =>
      casesApi.decide(c.id, { decidedOn: dayToIso(v.decidedOn) ?? '', decisionNo: v.decisionNo?.trim() || undefined, version: c.version }),
    onSaved,
    onConflict,
  );
  return (
    <Shell
      title="Ghi nhận quyết định"
      okText="Ghi nhận"
      testId="case-decision"
      form={form}
      {...s}
      onClose={onClose}
      initialValues={{ decidedOn: dayjs() }}
    >
      <p>Thời hạn của cuộc tính theo ngày từ ngày quyết định (Quy định 296-QĐ/TW).</p>
      <Form.Item label="Ngày quyết định" name="decidedOn" rules={[dateRule]}>
        <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="case-decided-on" />
      </Form.Item>
      <Form.Item label="Số quyết định" name="decisionNo">
        <Input maxLength={100} placeholder="Ví dụ: 15-QĐ/UBKT" data-testid="case-decision-no" />
      </Form.Item>
    </Shell>
  );
}

export function AdvanceModal({ c, to, onClose, onSaved, onConflict }: Common & { to: StepCode }) {
  const [form] = Form.useForm<{ on: Dayjs; note?: string }>();
  const s = useFormSubmit(
    form,
    (v) => casesApi.advance(c.id, { to, on: dayToIso(v.on) ?? '', note: v.note?.trim() || undefined, version: c.version }),
    onSaved,
    onConflict,
  );
  return (
    <Shell
      title={`Chuyển bước: ${stepLabel(c.kind as CaseKind, to)}`}
      okText="Chuyển bước"
      testId="case-advance"
      form={form}
      {...s}
      onClose={onClose}
      initialValues={{ on: dayjs() }}
    >
      <Form.Item label="Ngày" name="on" rules={[dateRule]}>
        <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="case-advance-date" />
      </Form.Item>
      <Form.Item label="Ghi chú về bước vừa hoàn thành" name="note">
        <Input.TextArea rows={2} maxLength={2000} data-testid="case-advance-note" />
      </Form.Item>
    </Shell>
  );
}

export function ExtendModal({ c, onClose, onSaved, onConflict }: Common) {
  const [form] = Form.useForm<{ days: number; reason: string }>();
  const s = useFormSubmit(form, (v) => casesApi.extend(c.id, { days: v.days, reason: v.reason, version: c.version }), onSaved, onConflict);
  return (
    <Shell title="Gia hạn" okText="Gia hạn" testId="case-extend" form={form} {...s} onClose={onClose}>
      <p>Chỉ gia hạn một lần, không quá {c.limit.maxExtensionDays} ngày (Quy định 296-QĐ/TW).</p>
      <Form.Item label="Số ngày gia hạn" name="days" rules={[{ required: true, message: 'Nhập số ngày' }]}>
        <InputNumber min={1} max={c.limit.maxExtensionDays} data-testid="case-extend-days" />
      </Form.Item>
      <Form.Item label="Lý do" name="reason" rules={[{ required: true, min: 10, message: 'Nêu lý do (ít nhất 10 ký tự)' }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="case-extend-reason" />
      </Form.Item>
    </Shell>
  );
}

const STATUS_TITLES = { suspend: 'Tạm dừng cuộc', resume: 'Tiếp tục cuộc', cancel: 'Hủy bỏ cuộc' } as const;

export function StatusModal({ c, action, onClose, onSaved, onConflict }: Common & { action: 'suspend' | 'resume' | 'cancel' }) {
  const [form] = Form.useForm<{ reason: string }>();
  const s = useFormSubmit(form, (v) => casesApi.status(c.id, action, { reason: v.reason, version: c.version }), onSaved, onConflict);
  return (
    <Shell
      title={STATUS_TITLES[action]}
      okText={STATUS_TITLES[action]}
      testId={`case-${action}`}
      form={form}
      {...s}
      onClose={onClose}
      danger={action === 'cancel'}
    >
      <Form.Item label="Lý do" name="reason" rules={[{ required: true, min: 10, message: 'Nêu lý do (ít nhất 10 ký tự)' }]}>
        <Input.TextArea rows={3} maxLength={2000} data-testid={`case-${action}-reason`} />
      </Form.Item>
    </Shell>
  );
}
