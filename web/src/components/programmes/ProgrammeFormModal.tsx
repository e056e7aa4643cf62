// "Lập chương trình": a term or yearly programme of one organisation's deciding body.
import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { BODY_TYPE_LABELS, BODY_TYPES, type BodyType } from '../../../../common/cases.ts';
import { PROGRAMME_PERIOD_LABELS, PROGRAMME_PERIODS, type Programme, type ProgrammePeriod } from '../../../../common/programmes.ts';
import { CLEARANCE_LABELS, CLEARANCES } from '../../../../common/roles.ts';
import { programmesApi } from '../../api/programmes.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useSession } from '../session.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  orgId: string;
  bodyType: BodyType;
  period: ProgrammePeriod;
  yearFrom: number;
  yearTo?: number;
  title: string;
  secrecy: number;
}

export function ProgrammeFormModal({
  orgId,
  year,
  onClose,
  onSaved,
}: {
  orgId?: string;
  year: number;
  onClose: () => void;
  onSaved: (p: Programme) => void;
}) {
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const period = Form.useWatch('period', form);
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      programmesApi.create({
        ...v,
        title: v.title.trim(),
        yearTo: v.period === 'term' ? v.yearTo : v.yearFrom,
      }),
    onSaved,
    null,
  );
  return (
    <Modal
      open
      title="Lập chương trình kiểm tra, giám sát"
      okText="Lập chương trình"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'programme-save' }}
      width={680}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ orgId, bodyType: 'ubkt', period: 'year', yearFrom: year, yearTo: year + 5, secrecy: 0 }}
      >
        <Form.Item name="orgId" label="Tổ chức đảng" rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}>
          <OrgPicker data-testid="programme-org" aria-label="Tổ chức đảng" />
        </Form.Item>
        <Form.Item name="bodyType" label="Cơ quan ban hành" rules={[{ required: true, message: 'Chọn cơ quan ban hành' }]}>
          <Select
            options={BODY_TYPES.map((b) => ({ value: b, label: BODY_TYPE_LABELS[b] }))}
            data-testid="programme-body"
            aria-label="Cơ quan ban hành"
          />
        </Form.Item>
        <Form.Item name="period" label="Loại chương trình">
          <Radio.Group
            options={PROGRAMME_PERIODS.map((p) => ({ value: p, label: PROGRAMME_PERIOD_LABELS[p] }))}
            data-testid="programme-period"
          />
        </Form.Item>
        <Form.Item label={period === 'term' ? 'Nhiệm kỳ' : 'Năm'} required>
          <Form.Item name="yearFrom" noStyle rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2199} aria-label="Từ năm" data-testid="programme-year" />
          </Form.Item>
          {period === 'term' && (
            <>
              <span style={{ margin: '0 8px' }}>–</span>
              <Form.Item name="yearTo" noStyle rules={[{ required: true, message: 'Nhập năm kết thúc nhiệm kỳ' }]}>
                <InputNumber min={2000} max={2199} aria-label="Đến năm" data-testid="programme-year-to" />
              </Form.Item>
            </>
          )}
        </Form.Item>
        <Form.Item
          name="title"
          label="Tên chương trình"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Tên chương trình phải có ít nhất 5 ký tự' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            maxLength={500}
            placeholder="Ví dụ: Chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Đảng ủy xã"
            data-testid="programme-title"
          />
        </Form.Item>
        <Form.Item name="secrecy" label="Độ mật">
          <Select
            options={CLEARANCES.filter((c) => c <= me.user.clearance).map((c) => ({ value: c, label: CLEARANCE_LABELS[c] }))}
            data-testid="programme-secrecy"
            aria-label="Độ mật"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
