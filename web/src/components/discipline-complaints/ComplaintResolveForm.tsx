// The resolution of an accepted complaint: kept, heavier, lighter (with the new form) or annulled
// (with the apology and the rights restored, Quy định 117-QĐ/TW), sent with the version that was read.
import { Alert, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_OUTCOMES,
  type ComplaintOutcome,
  type DisciplineForm,
  FORM_LABELS,
  FORM_RANK,
} from '../../../../common/discipline.ts';
import type { ComplaintDetail } from '../../../../common/discipline-complaints.ts';
import { disciplineComplaintsApi } from '../../api/discipline-complaints.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  outcome?: ComplaintOutcome;
  outcomeForm?: DisciplineForm;
  outcomeNote?: string;
  resolvedOn?: Dayjs | null;
  apologyNote?: string;
  restoredRightsNote?: string;
}

export function ComplaintResolveForm({
  complaint,
  onSaved,
  onConflict,
}: {
  complaint: ComplaintDetail;
  onSaved: (c: ComplaintDetail) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const rank = FORM_RANK[complaint.decisionForm];
  const forms = complaint.formsOpen.filter((f) => (outcome === 'heavier' ? FORM_RANK[f] > rank : FORM_RANK[f] < rank));
  const save = (v: Values) =>
    disciplineComplaintsApi.resolve(complaint.id, {
      outcome: v.outcome ?? 'kept',
      outcomeForm: v.outcome === 'heavier' || v.outcome === 'lighter' ? (v.outcomeForm ?? null) : null,
      outcomeNote: v.outcomeNote?.trim() ?? '',
      resolvedOn: dayToIso(v.resolvedOn) ?? '',
      apologyNote: v.outcome === 'annulled' ? v.apologyNote?.trim() : null,
      restoredRightsNote: v.outcome === 'annulled' ? v.restoredRightsNote?.trim() : null,
      version: complaint.version,
    });
  const { submit, busy, error } = useFormSubmit(form, save, onSaved, onConflict);
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ resolvedOn: dayjs() }} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="outcome" label="Kết quả giải quyết" rules={[{ required: true, message: 'Cần chọn kết quả giải quyết' }]}>
        <Select
          data-testid="complaint-resolve-outcome"
          options={COMPLAINT_OUTCOMES.map((o) => ({ value: o, label: COMPLAINT_OUTCOME_LABELS[o] }))}
          onChange={() => form.setFieldValue('outcomeForm', undefined)}
        />
      </Form.Item>
      {(outcome === 'heavier' || outcome === 'lighter') && (
        <Form.Item name="outcomeForm" label="Hình thức kỷ luật mới" rules={[{ required: true, message: 'Cần chọn hình thức kỷ luật mới' }]}>
          <Select
            data-testid="complaint-resolve-form"
            options={forms.map((f) => ({ value: f, label: FORM_LABELS[f] }))}
            notFoundContent="Không có hình thức phù hợp"
          />
        </Form.Item>
      )}
      {outcome === 'annulled' && (
        <>
          <Form.Item
            name="apologyNote"
            label="Việc xin lỗi người bị kỷ luật oan"
            rules={[{ required: true, whitespace: true, message: 'Cần ghi việc xin lỗi' }]}
          >
            <Input.TextArea rows={2} maxLength={5000} data-testid="complaint-resolve-apology" />
          </Form.Item>
          <Form.Item
            name="restoredRightsNote"
            label="Quyền lợi được khôi phục"
            rules={[{ required: true, whitespace: true, message: 'Cần ghi quyền lợi được khôi phục' }]}
          >
            <Input.TextArea rows={2} maxLength={5000} data-testid="complaint-resolve-rights" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="outcomeNote"
        label="Nội dung kết luận"
        rules={[{ required: true, whitespace: true, message: 'Cần ghi nội dung kết luận' }]}
      >
        <Input.TextArea rows={4} maxLength={20000} data-testid="complaint-resolve-note" />
      </Form.Item>
      <Form.Item name="resolvedOn" label="Ngày giải quyết" rules={[{ required: true, message: 'Cần chọn ngày giải quyết' }]}>
        <DatePicker
          format={VN_DATE_FORMATS}
          placeholder={VN_DATE_PLACEHOLDER}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid="complaint-resolve-date"
        />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={submit} data-testid="complaint-resolve-submit">
        Ghi kết quả giải quyết
      </Button>
    </Form>
  );
}
