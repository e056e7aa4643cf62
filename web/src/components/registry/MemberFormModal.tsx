// Add a member, or edit one (optimistic concurrency: the version the editor saw is sent). Dates are
// typed dd/mm/yyyy or picked; the CCCD gets a quick check here, the server has the last word.
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { cccdProblem, type Gender } from '../../../../common/cccd.ts';
import { GENDER_LABELS, type MemberInput, type MemberStatus } from '../../../../common/members.ts';
import { CLEARANCE_LABELS, CLEARANCES } from '../../../../common/roles.ts';
import { type Member, type MemberUpdate, membersApi } from '../../api/members.ts';
import { dayToIso, isoToDay, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';
import { statusOptions } from './memberLabels.tsx';

interface Values {
  orgId?: string;
  fullName: string;
  gender: Gender | null;
  birthDate: Dayjs | null;
  cccd: string;
  partyCardNo: string;
  status: MemberStatus;
  admittedOn: Dayjs | null;
  confirmedOn: Dayjs | null;
  secrecy: number;
}

interface Props {
  member: Member | null;
  /** The unit to offer first when adding (the filter of the list, say). */
  defaultOrgId?: string;
  onClose: () => void;
  onSaved: (m: Member) => void;
  onConflict: () => void;
}

const genderOptions = (['male', 'female'] as const).map((g) => ({ value: g, label: GENDER_LABELS[g] }));
const secrecyOptions = CLEARANCES.map((c) => ({ value: c, label: CLEARANCE_LABELS[c] }));
const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);
const dateField = (placeholder = VN_DATE_PLACEHOLDER) => (
  <DatePicker format={VN_DATE_FORMATS} placeholder={placeholder} style={{ width: '100%' }} />
);

export function MemberFormModal({ member, defaultOrgId, onClose, onSaved, onConflict }: Props) {
  const [form] = Form.useForm<Values>();

  const version = member?.version;
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [version, form]);

  const initialValues: Values = {
    orgId: member ? undefined : defaultOrgId,
    fullName: member?.fullName ?? '',
    gender: member?.gender ?? null,
    birthDate: isoToDay(member?.birthDate),
    cccd: '',
    partyCardNo: member?.partyCardNo ?? '',
    status: member?.status ?? 'full',
    admittedOn: isoToDay(member?.admittedOn),
    confirmedOn: isoToDay(member?.confirmedOn),
    secrecy: member?.secrecy ?? 0,
  };

  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => {
      const fields = {
        fullName: v.fullName.trim(),
        gender: v.gender ?? null,
        birthDate: dayToIso(v.birthDate),
        partyCardNo: blank(v.partyCardNo),
        status: v.status,
        admittedOn: dayToIso(v.admittedOn),
        confirmedOn: dayToIso(v.confirmedOn),
        secrecy: v.secrecy,
      };
      if (member) {
        // An empty CCCD box on an edit means "keep the number on file".
        const body: MemberUpdate = { ...fields, version: member.version, ...(blank(v.cccd) ? { cccd: blank(v.cccd) } : {}) };
        return membersApi.update(member.id, body);
      }
      const body: MemberInput = { ...fields, orgId: v.orgId ?? '', cccd: blank(v.cccd) };
      return membersApi.create(body);
    },
    onSaved,
    member ? onConflict : null,
  );

  return (
    <Modal
      open
      title={member ? `Sửa hồ sơ: ${member.fullName}` : 'Thêm đảng viên'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'member-form-save' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="member-form-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues}>
        {!member && (
          <Form.Item label="Chi bộ sinh hoạt" name="orgId" rules={[{ required: true, message: 'Chọn chi bộ nơi đảng viên sinh hoạt' }]}>
            <OrgPicker data-testid="member-org" />
          </Form.Item>
        )}
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[{ required: true, whitespace: true, min: 2, message: 'Họ và tên có ít nhất 2 ký tự' }]}
        >
          <Input maxLength={200} autoComplete="off" data-testid="member-full-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item label="Giới tính" name="gender">
              <Select options={genderOptions} allowClear placeholder="Chọn" data-testid="member-gender" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Ngày sinh" name="birthDate">
              {dateField()}
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Tình trạng" name="status" rules={[{ required: true, message: 'Chọn tình trạng' }]}>
              <Select options={statusOptions} data-testid="member-status" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="Số CCCD"
              name="cccd"
              extra={member ? 'Để trống nếu giữ nguyên số đã lưu.' : '12 chữ số.'}
              dependencies={['birthDate', 'gender']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: string) => {
                    if (!value?.trim()) return Promise.resolve();
                    const problem = cccdProblem(value, dayToIso(getFieldValue('birthDate')), getFieldValue('gender'));
                    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                  },
                }),
              ]}
            >
              <Input inputMode="numeric" maxLength={16} autoComplete="off" data-testid="member-cccd" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Số thẻ đảng viên" name="partyCardNo">
              <Input maxLength={20} autoComplete="off" data-testid="member-party-card" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item label="Ngày vào Đảng" name="admittedOn">
              {dateField()}
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Ngày chính thức" name="confirmedOn">
              {dateField()}
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Độ mật hồ sơ" name="secrecy">
              <Select options={secrecyOptions} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
