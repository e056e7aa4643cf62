// "Lập cuộc": a case opened directly (an inspection on signs of violation, or any kind outside the plan).
// Whether the chosen body may run this kind on this subject is checked by the server, which says why not.
import { Alert, type ButtonProps, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail } from '../../../../common/case-api.ts';
import { BODY_TYPE_LABELS, type BodyType, type CaseKind } from '../../../../common/cases.ts';
import { CLEARANCE_LABELS } from '../../../../common/roles.ts';
import { casesApi } from '../../api/cases.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { MemberPicker } from '../MemberPicker.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';
import { kindOptions } from './caseLabels.tsx';

interface Values {
  kind: CaseKind;
  bodyOrgId: string;
  bodyType: BodyType;
  subjectType: 'member' | 'org';
  subjectOrgId?: string;
  subjectMemberId?: string;
  topic: string;
  grounds?: string;
  secrecy: number;
  openedOn: Dayjs;
}

export function CaseCreateModal({
  onClose,
  onSaved,
  defaultOrgId,
}: {
  onClose: () => void;
  onSaved: (c: CaseDetail) => void;
  defaultOrgId?: string;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const subjectType = Form.useWatch('subjectType', form);
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      casesApi.create({
        kind: v.kind,
        bodyOrgId: v.bodyOrgId,
        bodyType: v.bodyType,
        subjectOrgId: v.subjectType === 'org' ? v.subjectOrgId : undefined,
        subjectMemberId: v.subjectType === 'member' ? v.subjectMemberId : undefined,
        topic: v.topic,
        grounds: v.grounds?.trim() || undefined,
        secrecy: v.secrecy,
        openedOn: dayToIso(v.openedOn) ?? undefined,
      }),
    onSaved,
    null,
  );
  return (
    <Modal
      open
      width={720}
      title="Lập cuộc kiểm tra, giám sát"
      okText="Lập cuộc"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'case-create-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="case-create-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'inspection.signs',
          bodyType: 'ubkt',
          subjectType: 'member',
          secrecy: 0,
          openedOn: dayjs(),
          bodyOrgId: defaultOrgId,
        }}
      >
        <Form.Item label="Loại việc" name="kind" rules={[{ required: true, message: 'Chọn loại việc' }]}>
          <Select options={kindOptions} data-testid="case-kind" />
        </Form.Item>
        <Form.Item label="Tổ chức đảng ra quyết định" name="bodyOrgId" rules={[{ required: true, message: 'Chọn tổ chức ra quyết định' }]}>
          <OrgPicker data-testid="case-body-org" />
        </Form.Item>
        <Form.Item label="Cơ quan ra quyết định" name="bodyType" rules={[{ required: true, message: 'Chọn cơ quan ra quyết định' }]}>
          <Radio.Group
            options={Object.entries(BODY_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
            data-testid="case-body-type"
          />
        </Form.Item>
        <Form.Item label="Đối tượng" name="subjectType">
          <Radio.Group
            options={[
              { value: 'member', label: 'Đảng viên' },
              { value: 'org', label: 'Tổ chức đảng' },
            ]}
          />
        </Form.Item>
        {subjectType === 'org' ? (
          <Form.Item label="Tổ chức đảng là đối tượng" name="subjectOrgId" rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}>
            <OrgPicker data-testid="case-subject-org" />
          </Form.Item>
        ) : (
          <Form.Item label="Đảng viên là đối tượng" name="subjectMemberId" rules={[{ required: true, message: 'Chọn đảng viên' }]}>
            <MemberPicker data-testid="case-subject-member" />
          </Form.Item>
        )}
        <Form.Item label="Nội dung" name="topic" rules={[{ required: true, min: 5, message: 'Nhập nội dung (ít nhất 5 ký tự)' }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="case-topic" />
        </Form.Item>
        {kind === 'inspection.signs' && (
          <Form.Item
            label="Căn cứ, dấu hiệu vi phạm"
            name="grounds"
            rules={[{ required: true, min: 10, message: 'Nêu căn cứ, dấu hiệu vi phạm (ít nhất 10 ký tự)' }]}
          >
            <Input.TextArea rows={3} maxLength={4000} data-testid="case-grounds" />
          </Form.Item>
        )}
        <Form.Item label="Độ mật" name="secrecy">
          <Select
            options={Object.entries(CLEARANCE_LABELS).map(([value, label]) => ({ value: Number(value), label }))}
            data-testid="case-secrecy"
          />
        </Form.Item>
        <Form.Item label="Ngày bắt đầu" name="openedOn" rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="case-opened-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
