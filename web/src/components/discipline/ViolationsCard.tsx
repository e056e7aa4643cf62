// The matter's violations: date, content, rule violated, special area, the form it deserves, and the
// day its limitation period ends (red once passed; "không áp dụng" where the rules set none). Add, remove.
import { Alert, Button, type ButtonProps, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Table, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { SPECIAL_AREA_LABELS, SPECIAL_AREAS, type SpecialArea } from '../../../../common/discipline.ts';
import { errorMessage } from '../../api/client.ts';
import { disciplineApi, type MatterDetail } from '../../api/discipline.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { formLabel } from './labels.tsx';
import { modalProps } from './modalProps.ts';

type Violation = MatterDetail['violations'][number];

interface Values {
  occurredOn: Dayjs;
  description: string;
  ruleViolated: string;
  specialArea?: SpecialArea | null;
  deservedForm: string;
}

const FORM_CHOICES = (m: MatterDetail) =>
  (m.subjectKind === 'org' ? ['reprimand', 'warning', 'dissolution'] : ['reprimand', 'warning', 'removal', 'expulsion']).map((f) => ({
    value: f,
    label: formLabel(f),
  }));

function AddViolationModal(props: { m: MatterDetail; onClose: () => void; onSaved: () => void; onReload: () => void }) {
  const { m, onClose, onSaved, onReload } = props;
  const [form] = Form.useForm<Values>();
  const s = useFormSubmit(
    form,
    (v) =>
      disciplineApi.addViolation(m.id, {
        occurredOn: dayToIso(v.occurredOn) ?? '',
        description: v.description,
        ruleViolated: v.ruleViolated,
        specialArea: v.specialArea ?? null,
        deservedForm: v.deservedForm as 'warning',
        version: m.version,
      }),
    onSaved,
    onReload,
  );
  return (
    <Modal
      open
      title="Thêm vi phạm"
      okText="Thêm"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'violation-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="occurredOn" label="Ngày vi phạm" rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
          <DatePicker
            format={VN_DATE_FORMATS}
            placeholder={VN_DATE_PLACEHOLDER}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="violation-date"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label="Nội dung vi phạm"
          rules={[{ required: true, min: 5, message: 'Mô tả vi phạm (ít nhất 5 ký tự)' }]}
        >
          <Input.TextArea rows={3} maxLength={4000} data-testid="violation-description" />
        </Form.Item>
        <Form.Item name="ruleViolated" label="Quy định bị vi phạm" rules={[{ required: true, min: 3, message: 'Nêu quy định bị vi phạm' }]}>
          <Input maxLength={1000} placeholder="Ví dụ: Quy định 37-QĐ/TW, Điều 2" data-testid="violation-rule" />
        </Form.Item>
        <Form.Item name="specialArea" label="Lĩnh vực không áp dụng thời hiệu (nếu có)">
          <Select
            allowClear
            options={SPECIAL_AREAS.filter((a) => m.subjectKind === 'member' || a !== 'unlawful_diploma').map((a) => ({
              value: a,
              label: SPECIAL_AREA_LABELS[a],
            }))}
            data-testid="violation-special"
          />
        </Form.Item>
        <Form.Item name="deservedForm" label="Hình thức tương xứng" rules={[{ required: true, message: 'Chọn hình thức' }]}>
          <Select options={FORM_CHOICES(m)} data-testid="violation-form" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ViolationsCard({ m, canWrite, onChanged }: { m: MatterDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = m.status === 'open' || m.status === 'postponed';
  const remove = async (v: Violation) => {
    setError(null);
    try {
      await disciplineApi.removeViolation(m.id, v.id, m.version);
      onChanged('Đã xóa vi phạm.');
    } catch (e) {
      setError(errorMessage(e));
      onChanged();
    }
  };
  return (
    <Card
      title="Vi phạm"
      extra={
        canWrite &&
        open && (
          <Button onClick={() => setAdding(true)} data-testid="violation-add">
            Thêm vi phạm
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Violation>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={m.violations}
        scroll={{ x: 800 }}
        data-testid="violation-table"
        locale={{ emptyText: 'Chưa ghi nhận vi phạm nào.' }}
        columns={[
          { title: 'STT', dataIndex: 'seq', width: 50 },
          { title: 'Ngày', dataIndex: 'occurredOn', width: 100, render: (d: string) => formatDate(d) },
          {
            title: 'Nội dung',
            dataIndex: 'description',
            render: (d: string, v) => (
              <>
                {d}
                <div style={{ color: '#595959' }}>Vi phạm: {v.ruleViolated}</div>
                {v.specialArea && <Tag color="purple">{SPECIAL_AREA_LABELS[v.specialArea as SpecialArea] ?? v.specialArea}</Tag>}
              </>
            ),
          },
          { title: 'Hình thức tương xứng', dataIndex: 'deservedForm', width: 120, render: formLabel },
          {
            title: 'Thời hiệu đến',
            dataIndex: 'limitationEndsOn',
            width: 170,
            render: (d: string | null, v) => (
              <Tooltip title={v.limitationBasis}>
                {d === null ? (
                  <span>Không áp dụng thời hiệu</span>
                ) : (
                  <span style={v.timeBarred ? { color: '#cf1322', fontWeight: 600 } : undefined} data-testid={`violation-limit-${v.seq}`}>
                    {formatDate(d)}
                    {v.timeBarred && ' (đã hết)'}
                    {v.restartedBySeq !== null && ` · tính lại từ vi phạm ${v.restartedBySeq}`}
                  </span>
                )}
              </Tooltip>
            ),
          },
          ...(canWrite && open
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 70,
                  render: (_: unknown, v: Violation) => (
                    <Popconfirm title="Xóa vi phạm này?" okText="Xóa" cancelText="Không" onConfirm={() => remove(v)}>
                      <Button size="small" danger>
                        Xóa
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddViolationModal m={m} {...modalProps(() => setAdding(false), onChanged, 'Đã thêm vi phạm.')} />}
    </Card>
  );
}
