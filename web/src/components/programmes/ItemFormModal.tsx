// Add or edit an item of a programme: the subject (an organisation or a member from the registry), the
// kind of work, topic, year and period, responsible unit and lead. The server checks who may run
// which kind on whom and puts its reason on the field concerned.
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { CASE_KIND_LABELS, CASE_KINDS, type CaseKind } from '../../../../common/cases.ts';
import type { Programme, ProgrammeItem } from '../../../../common/programmes.ts';
import { programmesApi } from '../../api/programmes.ts';
import { dayToIso, isoToDay, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { MemberPicker } from '../MemberPicker.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  kind: CaseKind;
  subjectType: 'org' | 'member';
  subjectOrgId?: string | null;
  subjectMemberId?: string | null;
  topic: string;
  year?: number | null;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
  responsibleOrgId?: string | null;
  leadName?: string;
}

export function ItemFormModal({
  programme,
  item,
  onClose,
  onSaved,
  onConflict,
}: {
  programme: Programme;
  item: ProgrammeItem | null;
  onClose: () => void;
  onSaved: (i: ProgrammeItem) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const subjectType = Form.useWatch('subjectType', form);
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => {
      const body = {
        kind: v.kind,
        subjectOrgId: v.subjectType === 'org' ? (v.subjectOrgId ?? null) : null,
        subjectMemberId: v.subjectType === 'member' ? (v.subjectMemberId ?? null) : null,
        topic: v.topic.trim(),
        year: v.year ?? null,
        periodFrom: dayToIso(v.periodFrom),
        periodTo: dayToIso(v.periodTo),
        responsibleOrgId: v.responsibleOrgId ?? null,
        leadName: v.leadName?.trim() || null,
      };
      return item ? programmesApi.updateItem(item.id, { ...body, version: item.version }) : programmesApi.addItem(programme.id, body);
    },
    onSaved,
    onConflict,
    (v) => ((v.subjectType === 'org' ? v.subjectOrgId : v.subjectMemberId) ? null : 'Chọn đối tượng kiểm tra, giám sát.'),
  );
  const years = Array.from({ length: programme.yearTo - programme.yearFrom + 1 }, (_, i) => programme.yearFrom + i);
  return (
    <Modal
      open
      title={item ? `Sửa nội dung số ${item.seq}` : 'Thêm nội dung vào chương trình'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'item-save' }}
      width={760}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          item
            ? {
                kind: item.kind,
                subjectType: item.subjectType,
                subjectOrgId: item.subjectOrgId,
                subjectMemberId: item.subjectMemberId,
                topic: item.topic,
                year: item.year,
                periodFrom: isoToDay(item.periodFrom),
                periodTo: isoToDay(item.periodTo),
                responsibleOrgId: item.responsibleOrgId,
                leadName: item.leadName ?? '',
              }
            : { subjectType: 'org', year: programme.yearFrom }
        }
      >
        <Form.Item name="kind" label="Loại công việc" rules={[{ required: true, message: 'Chọn loại công việc kiểm tra, giám sát' }]}>
          <Select
            options={CASE_KINDS.map((k) => ({ value: k, label: CASE_KIND_LABELS[k] }))}
            data-testid="item-kind"
            aria-label="Loại công việc"
          />
        </Form.Item>
        <Form.Item name="subjectType" label="Đối tượng">
          <Radio.Group
            options={[
              { value: 'org', label: 'Tổ chức đảng' },
              { value: 'member', label: 'Đảng viên' },
            ]}
            data-testid="item-subject-type"
          />
        </Form.Item>
        {subjectType === 'member' ? (
          <Form.Item name="subjectMemberId" label="Đảng viên được kiểm tra, giám sát">
            <MemberPicker data-testid="item-subject-member" knownName={item?.subjectType === 'member' ? item.subjectName : undefined} />
          </Form.Item>
        ) : (
          <Form.Item name="subjectOrgId" label="Tổ chức đảng được kiểm tra, giám sát">
            <OrgPicker
              data-testid="item-subject-org"
              aria-label="Tổ chức đảng được kiểm tra, giám sát"
              known={item?.subjectOrgId ? [{ id: item.subjectOrgId, name: item.subjectName }] : []}
            />
          </Form.Item>
        )}
        <Form.Item
          name="topic"
          label="Nội dung"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Nội dung phải có ít nhất 5 ký tự' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="item-topic" />
        </Form.Item>
        {programme.period === 'term' ? (
          <Form.Item name="year" label="Năm thực hiện" rules={[{ required: true, message: 'Chọn năm thực hiện' }]}>
            <Select options={years.map((y) => ({ value: y, label: String(y) }))} data-testid="item-year" aria-label="Năm thực hiện" />
          </Form.Item>
        ) : (
          <Form.Item name="year" hidden>
            <InputNumber />
          </Form.Item>
        )}
        <Form.Item label="Thời gian thực hiện">
          <Form.Item name="periodFrom" noStyle>
            <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} aria-label="Từ ngày" data-testid="item-period-from" />
          </Form.Item>
          <span style={{ margin: '0 8px' }}>–</span>
          <Form.Item name="periodTo" noStyle>
            <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} aria-label="Đến ngày" data-testid="item-period-to" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="responsibleOrgId" label="Đơn vị chủ trì">
          <OrgPicker
            allowClear
            data-testid="item-responsible"
            aria-label="Đơn vị chủ trì"
            known={item?.responsibleOrgId && item.responsibleOrgName ? [{ id: item.responsibleOrgId, name: item.responsibleOrgName }] : []}
          />
        </Form.Item>
        <Form.Item name="leadName" label="Người phụ trách">
          <Input maxLength={200} data-testid="item-lead" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
