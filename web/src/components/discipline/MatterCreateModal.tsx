// "Mở hồ sơ kỷ luật": from an inspection case whose conclusion proposes discipline (subject and body come
// from the case), or directly on a state body's notice, a court judgment, a petition… against a member
// or an organisation, with the subject's standing that decides which forms are open.
import { useQuery } from '@tanstack/react-query';
import { Alert, type ButtonProps, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { BODY_TYPES } from '../../../../common/cases.ts';
import { MATTER_SOURCE_LABELS, MATTER_SOURCES } from '../../../../common/discipline.ts';
import { casesApi } from '../../api/cases.ts';
import { disciplineApi, type MatterDetail } from '../../api/discipline.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { MemberPicker } from '../MemberPicker.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';
import { bodyTypeLabel } from './labels.tsx';

interface Values {
  from: 'case' | 'direct';
  caseId?: string;
  source?: string;
  sourceRef?: string;
  subjectKind: 'member' | 'org';
  subjectMemberId?: string;
  subjectOrgId?: string;
  bodyOrgId?: string;
  bodyType?: string;
  facts: string[];
  childBornOn?: Dayjs | null;
}

const FACTS = [
  { value: 'probationary', label: 'Đảng viên dự bị' },
  { value: 'holdsPost', label: 'Đang giữ chức vụ' },
  { value: 'pregnant', label: 'Đang mang thai' },
  { value: 'seriouslyIllInHospital', label: 'Đang ốm nặng điều trị nội trú' },
];

export function MatterCreateModal({ onClose, onSaved }: { onClose: () => void; onSaved: (m: MatterDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const from = Form.useWatch('from', form) ?? 'direct';
  const subjectKind = Form.useWatch('subjectKind', form) ?? 'member';
  const cases = useQuery({
    queryKey: ['cases', 'list', 'proposeDiscipline'],
    queryFn: ({ signal }) => casesApi.list({ proposeDiscipline: true, page: 1, pageSize: 100 }, signal),
    enabled: from === 'case',
  });
  const s = useFormSubmit(
    form,
    (v) => {
      const facts = Object.fromEntries(FACTS.map((f) => [f.value, v.facts?.includes(f.value) ?? false]));
      const subjectFacts = { ...facts, childBornOn: dayToIso(v.childBornOn) };
      if (v.from === 'case') return disciplineApi.create({ source: 'case', caseId: v.caseId, subjectFacts });
      return disciplineApi.create({
        source: v.source as (typeof MATTER_SOURCES)[number],
        sourceRef: v.sourceRef?.trim() || undefined,
        bodyOrgId: v.bodyOrgId,
        bodyType: v.bodyType as (typeof BODY_TYPES)[number],
        subjectMemberId: v.subjectKind === 'member' ? v.subjectMemberId : undefined,
        subjectOrgId: v.subjectKind === 'org' ? v.subjectOrgId : undefined,
        subjectFacts,
      });
    },
    onSaved,
    null,
  );
  return (
    <Modal
      open
      title="Mở hồ sơ kỷ luật"
      okText="Mở hồ sơ"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'matter-create-submit' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ from: 'direct', subjectKind: 'member', bodyType: 'ubkt', facts: [] }}>
        <Form.Item name="from" label="Nguồn">
          <Radio.Group
            options={[
              { value: 'case', label: 'Từ cuộc kiểm tra đề nghị kỷ luật' },
              { value: 'direct', label: 'Trực tiếp (thông báo, bản án, đơn thư…)' },
            ]}
            data-testid="matter-from"
          />
        </Form.Item>
        {from === 'case' ? (
          <Form.Item name="caseId" label="Cuộc kiểm tra" rules={[{ required: true, message: 'Chọn cuộc kiểm tra' }]}>
            <Select
              loading={cases.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Các cuộc đã kết luận, đề nghị xem xét kỷ luật"
              options={(cases.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code}: ${c.subjectName}` }))}
              notFoundContent="Không có cuộc nào đề nghị kỷ luật"
              data-testid="matter-case"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="source" label="Căn cứ" rules={[{ required: true, message: 'Chọn căn cứ' }]}>
              <Select
                options={MATTER_SOURCES.filter((x) => x !== 'case').map((x) => ({ value: x, label: MATTER_SOURCE_LABELS[x] }))}
                data-testid="matter-source"
              />
            </Form.Item>
            <Form.Item
              name="sourceRef"
              label="Văn bản căn cứ"
              rules={[{ required: true, min: 3, message: 'Nhập số, ngày của văn bản, bản án, đơn…' }]}
            >
              <Input
                maxLength={1000}
                placeholder="Ví dụ: Bản án số 12/2026/HS-ST ngày 10/01/2026 của Tòa án…"
                data-testid="matter-source-ref"
              />
            </Form.Item>
            <Form.Item name="subjectKind" label="Đối tượng">
              <Radio.Group
                options={[
                  { value: 'member', label: 'Đảng viên' },
                  { value: 'org', label: 'Tổ chức đảng' },
                ]}
              />
            </Form.Item>
            {subjectKind === 'member' ? (
              <Form.Item name="subjectMemberId" label="Đảng viên" rules={[{ required: true, message: 'Chọn đảng viên' }]}>
                <MemberPicker data-testid="matter-member" />
              </Form.Item>
            ) : (
              <Form.Item name="subjectOrgId" label="Tổ chức đảng" rules={[{ required: true, message: 'Chọn tổ chức đảng' }]}>
                <OrgPicker data-testid="matter-org" />
              </Form.Item>
            )}
            <Form.Item name="bodyOrgId" label="Tổ chức của cơ quan xem xét" rules={[{ required: true, message: 'Chọn tổ chức' }]}>
              <OrgPicker data-testid="matter-body-org" />
            </Form.Item>
            <Form.Item name="bodyType" label="Cơ quan xem xét" rules={[{ required: true, message: 'Chọn cơ quan' }]}>
              <Select options={BODY_TYPES.map((b) => ({ value: b, label: bodyTypeLabel(b) }))} data-testid="matter-body-type" />
            </Form.Item>
          </>
        )}
        {(from === 'case' || subjectKind === 'member') && (
          <>
            <Form.Item name="facts" label="Tình trạng của đảng viên khi mở hồ sơ">
              <Checkbox.Group options={FACTS} />
            </Form.Item>
            <Form.Item name="childBornOn" label="Ngày sinh của con dưới 12 tháng tuổi (nếu có)">
              <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
