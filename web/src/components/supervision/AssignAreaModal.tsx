// The UBKT (or the committee's office) assigns a committee member an area, fields and the organisations
// of the area, from a date.
import { useQuery } from '@tanstack/react-query';
import { Alert, type ButtonProps, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SupervisionArea } from '../../../../common/supervision.ts';
import { COMMITTEE_POSTS, leadershipOf } from '../../api/leadership.ts';
import { orgsApi } from '../../api/orgs.ts';
import { supervisionApi } from '../../api/supervision.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  userId: string;
  memberId?: string;
  holderName?: string;
  area: string;
  fields: string[];
  subjectOrgIds: string[];
  fromDate: Dayjs | null;
  toDate: Dayjs | null;
}

/** Fields that committees commonly assign (domain.md §1 sensitive areas first); free text is allowed too. */
const COMMON_FIELDS = [
  'Công tác cán bộ',
  'Đất đai, tài nguyên, môi trường',
  'Tài chính, ngân sách',
  'Xây dựng cơ bản',
  'Mua sắm tài sản công',
  'Công tác xây dựng Đảng',
  'Thực hiện nghị quyết của cấp ủy',
];

export function AssignAreaModal({
  bodyOrgId,
  bodyOrgName,
  onClose,
  onSaved,
}: {
  bodyOrgId: string;
  bodyOrgName: string;
  onClose: () => void;
  onSaved: (a: SupervisionArea) => void;
}) {
  const [form] = Form.useForm<Values>();
  const candidates = useQuery({ queryKey: ['supervision', 'candidates', bodyOrgId], queryFn: () => supervisionApi.candidates(bodyOrgId) });
  // Committee posts recorded in the registry, to link the assignment to the member's record.
  const holders = useQuery({ queryKey: ['leadership', bodyOrgId, 'committee'], queryFn: () => leadershipOf(bodyOrgId, COMMITTEE_POSTS) });
  const children = useQuery({ queryKey: ['orgs', 'children', bodyOrgId], queryFn: () => orgsApi.children(bodyOrgId) });
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      supervisionApi.createArea({
        bodyOrgId,
        userId: v.userId,
        memberId: v.memberId ?? null,
        holderName: v.holderName?.trim() || null,
        area: v.area,
        fields: v.fields ?? [],
        subjectOrgIds: v.subjectOrgIds ?? [],
        fromDate: dayToIso(v.fromDate) ?? '',
        toDate: dayToIso(v.toDate),
      }),
    onSaved,
    null,
  );
  return (
    <Modal
      open
      title={`Phân công địa bàn, lĩnh vực giám sát: ${bodyOrgName}`}
      okText="Phân công"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'supervision-assign-save' } as ButtonProps}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      {candidates.data && candidates.data.items.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Chưa có tài khoản nào mang vai trò Cấp ủy viên tại cấp ủy này: nhờ quản trị viên cấp tài khoản trước khi phân công."
        />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ fields: [], subjectOrgIds: [] }}>
        <Form.Item name="userId" label="Cấp ủy viên (tài khoản gửi báo cáo)" rules={[{ required: true, message: 'Cần chọn cấp ủy viên' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.isPending}
            options={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: `${c.fullName} (${c.username})` }))}
            data-testid="supervision-assign-user"
          />
        </Form.Item>
        <Form.Item name="memberId" label="Đảng viên trong danh sách cấp ủy (hồ sơ đảng viên, không bắt buộc)">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={holders.isPending}
            options={[...new Map((holders.data ?? []).map((h) => [h.memberId, h])).values()].map((h) => ({
              value: h.memberId,
              label: `${h.fullName} (${h.title})`,
            }))}
            data-testid="supervision-assign-member"
          />
        </Form.Item>
        <Form.Item name="holderName" label="Họ và tên ghi trên báo cáo (để trống: lấy theo hồ sơ đảng viên hoặc tài khoản)">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="area"
          label="Địa bàn được phân công"
          rules={[{ required: true, min: 2, message: 'Cần ghi địa bàn được phân công' }]}
        >
          <Input maxLength={500} data-testid="supervision-assign-area" />
        </Form.Item>
        <Form.Item name="fields" label="Lĩnh vực">
          <Select mode="tags" options={COMMON_FIELDS.map((f) => ({ value: f, label: f }))} tokenSeparators={[';']} />
        </Form.Item>
        <Form.Item name="subjectOrgIds" label="Tổ chức đảng trong địa bàn">
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={children.isPending}
            options={(children.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="fromDate" label="Từ ngày" rules={[{ required: true, message: 'Cần ngày bắt đầu phân công' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
        </Form.Item>
        <Form.Item name="toDate" label="Đến ngày (để trống nếu chưa xác định)">
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
