// Recording the Government's schedule of a year: the days off and the swapped working days it lists.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CalendarYear } from '../../../common/calendar.ts';
import { calendarApi } from '../api/calendar.ts';
import { dayToIso, isoToDay, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from './dates.ts';
import { useFormSubmit } from './useFormSubmit.ts';

interface Values {
  replacesDefaults: boolean;
  decisionNo?: string;
  entries: { date: Dayjs | null; kind: 'day_off' | 'working_day'; name: string }[];
}

const KIND_OPTIONS = [
  { value: 'day_off', label: 'Ngày nghỉ' },
  { value: 'working_day', label: 'Ngày làm việc bù' },
];

export function CalendarRecordModal({
  current,
  onClose,
  onSaved,
  onConflict,
}: {
  current: CalendarYear;
  onClose: () => void;
  onSaved: (y: CalendarYear) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const recorded = current.days.filter((d) => d.source === 'recorded');
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      calendarApi.record(current.year, {
        replacesDefaults: v.replacesDefaults,
        decisionNo: v.decisionNo?.trim() || null,
        entries: v.entries.map((e) => ({ date: dayToIso(e.date) ?? '', kind: e.kind, name: e.name.trim() })),
        version: current.version,
      }),
    onSaved,
    onConflict,
  );
  return (
    <Modal
      open
      title={`Ghi nhận lịch nghỉ chính thức năm ${current.year}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={760}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          replacesDefaults: current.replacesDefaults,
          decisionNo: current.decisionNo ?? '',
          entries: recorded.map((d) => ({
            date: isoToDay(d.date),
            kind: d.kind === 'working_day' ? 'working_day' : 'day_off',
            name: d.name,
          })),
        }}
      >
        <Form.Item name="decisionNo" label="Văn bản thông báo (số, ký hiệu)">
          <Input maxLength={100} data-testid="calendar-decision" />
        </Form.Item>
        <Form.Item
          name="replacesDefaults"
          label="Danh sách này là toàn bộ ngày nghỉ lễ, Tết của năm (thay cho các ngày tính theo Bộ luật Lao động)"
          valuePropName="checked"
        >
          <Switch checkedChildren="Toàn bộ" unCheckedChildren="Bổ sung" data-testid="calendar-replaces" />
        </Form.Item>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: 'Chọn ngày' }]}>
                    <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} aria-label="Ngày" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: 'Chọn loại ngày' }]}>
                    <Select options={KIND_OPTIONS} style={{ width: 180 }} aria-label="Loại ngày" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, min: 2, message: 'Ghi tên ngày nghỉ hoặc lý do làm bù' }]}
                  >
                    <Input placeholder="Ví dụ: Nghỉ Tết Nguyên đán" style={{ width: 260 }} aria-label="Tên" />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="Bỏ dòng này" />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'day_off', name: '' })}
                data-testid="calendar-add-day"
              >
                Thêm ngày
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
