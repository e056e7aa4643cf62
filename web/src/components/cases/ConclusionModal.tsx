// The deciding body's conclusion: findings, violation found or not (for supervision: signs of violation),
// the requirements to remedy (each with who and by when), and the proposal to consider discipline.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, type ButtonProps, Checkbox, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CaseKind, isInspection } from '../../../../common/cases.ts';
import { type CaseDetail, casesApi } from '../../api/cases.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  findings: string;
  violationFound: boolean;
  concludedOn: Dayjs;
  proposeDiscipline?: boolean;
  disciplineNote?: string;
  requirements?: { requirement: string; ownerName: string; dueOn: Dayjs }[];
}

export function ConclusionModal({
  c,
  onClose,
  onSaved,
  onConflict,
}: {
  c: CaseDetail;
  onClose: () => void;
  onSaved: (c: CaseDetail) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const inspection = isInspection(c.kind as CaseKind);
  const violation = Form.useWatch('violationFound', form);
  const propose = Form.useWatch('proposeDiscipline', form);
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      casesApi.conclude(c.id, {
        findings: v.findings,
        violationFound: v.violationFound,
        concludedOn: dayToIso(v.concludedOn) ?? '',
        proposeDiscipline: inspection && v.violationFound ? !!v.proposeDiscipline : false,
        disciplineNote: v.proposeDiscipline ? v.disciplineNote?.trim() || undefined : undefined,
        requirements: (v.requirements ?? []).map((r) => ({
          requirement: r.requirement,
          ownerName: r.ownerName,
          dueOn: dayToIso(r.dueOn) ?? '',
        })),
        version: c.version,
      }),
    onSaved,
    onConflict,
  );
  return (
    <Modal
      open
      width={820}
      title="Ghi nhận kết luận"
      okText="Ghi nhận kết luận"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'conclusion-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="conclusion-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ violationFound: false, concludedOn: dayjs(), requirements: [] }}>
        <Form.Item
          label="Nội dung kết luận"
          name="findings"
          rules={[{ required: true, min: 10, message: 'Nhập nội dung kết luận (ít nhất 10 ký tự)' }]}
        >
          <Input.TextArea rows={5} maxLength={20000} data-testid="conclusion-findings" />
        </Form.Item>
        <Form.Item label={inspection ? 'Kết luận về vi phạm' : 'Qua giám sát'} name="violationFound">
          <Radio.Group
            data-testid="conclusion-violation"
            options={
              inspection
                ? [
                    { value: false, label: 'Không có vi phạm' },
                    { value: true, label: 'Có vi phạm' },
                  ]
                : [
                    { value: false, label: 'Không phát hiện dấu hiệu vi phạm' },
                    { value: true, label: 'Phát hiện dấu hiệu vi phạm (chuyển sang kiểm tra)' },
                  ]
            }
          />
        </Form.Item>
        <Form.Item label="Ngày kết luận" name="concludedOn" rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="conclusion-date" />
        </Form.Item>
        {inspection && violation && (
          <>
            <Form.Item name="proposeDiscipline" valuePropName="checked">
              <Checkbox data-testid="conclusion-propose-discipline">Đề nghị xem xét, thi hành kỷ luật</Checkbox>
            </Form.Item>
            {propose && (
              <Form.Item label="Ghi chú đề nghị kỷ luật" name="disciplineNote">
                <Input.TextArea rows={2} maxLength={4000} />
              </Form.Item>
            )}
          </>
        )}
        <Form.List name="requirements">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>Yêu cầu khắc phục</div>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }} data-testid="conclusion-requirement">
                  <Form.Item name={[f.name, 'requirement']} rules={[{ required: true, min: 5, message: 'Nhập nội dung yêu cầu' }]}>
                    <Input.TextArea rows={1} placeholder="Nội dung yêu cầu" style={{ width: 320 }} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ownerName']} rules={[{ required: true, min: 2, message: 'Nhập người, tổ chức thực hiện' }]}>
                    <Input placeholder="Người, tổ chức thực hiện" style={{ width: 200 }} maxLength={300} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true, message: 'Nhập hạn' }]}>
                    <DatePicker format={VN_DATE_FORMATS} placeholder="Hạn (dd/mm/yyyy)" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bỏ yêu cầu" style={{ marginTop: 8 }} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="conclusion-requirement-add">
                Thêm yêu cầu
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
