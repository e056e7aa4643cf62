// Add a subordinate unit, or edit one (optimistic concurrency: the version the editor saw is sent).
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { ORG_KIND_LABELS, ORG_KINDS, type Org, type OrgKind } from '../../../common/orgs.ts';
import { CLEARANCE_LABELS, CLEARANCES, type Clearance } from '../../../common/roles.ts';
import { orgsApi } from '../api/orgs.ts';
import { useFormSubmit } from './useFormSubmit.ts';

const CHILD_KIND: Partial<Record<OrgKind, OrgKind>> = {
  central: 'province',
  province: 'commune',
  commune: 'grassroots',
  agency: 'grassroots',
  grassroots: 'cell',
};
const kindOptions = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));
const secrecyOptions = CLEARANCES.map((c) => ({ value: c, label: CLEARANCE_LABELS[c] }));
const toDay = (s: string | null) => (s ? dayjs(s) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

interface Values {
  code?: string;
  name: string;
  kind: OrgKind;
  hasCommittee: boolean;
  hasInspectionCommittee: boolean;
  secrecy: Clearance;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
}

export type OrgFormTarget = { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org };

interface Props {
  target: OrgFormTarget;
  onClose: () => void;
  onSaved: (org: Org) => void;
  /** Someone else saved first: the caller reloads the record, the form then shows the fresh values. */
  onConflict: () => void;
}

export function OrgFormModal({ target, onClose, onSaved, onConflict }: Props) {
  const [form] = Form.useForm<Values>();
  const editing = target.mode === 'edit' ? target.org : null;

  // After a conflict the caller reloads the record: refill the form with what is now saved.
  const version = editing?.version;
  useEffect(() => {
    if (version !== undefined) form.resetFields();
  }, [version, form]);

  const initialValues: Values = editing
    ? {
        name: editing.name,
        kind: editing.kind,
        hasCommittee: editing.hasCommittee,
        hasInspectionCommittee: editing.hasInspectionCommittee,
        secrecy: editing.secrecy as Clearance,
        validFrom: toDay(editing.validFrom),
        validTo: toDay(editing.validTo),
      }
    : {
        name: '',
        kind: (target.mode === 'create' && CHILD_KIND[target.parent.kind]) || 'cell',
        hasCommittee: false,
        hasInspectionCommittee: false,
        secrecy: 0,
        validFrom: null,
      };

  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => {
      const common = {
        name: v.name.trim(),
        kind: v.kind,
        hasCommittee: v.hasCommittee,
        hasInspectionCommittee: v.hasInspectionCommittee,
        secrecy: v.secrecy,
        validFrom: fromDay(v.validFrom),
      };
      return editing
        ? orgsApi.update(editing.id, { ...common, validTo: fromDay(v.validTo), version: editing.version })
        : orgsApi.create({ ...common, parentId: target.mode === 'create' ? target.parent.id : '', code: (v.code ?? '').trim() });
    },
    onSaved,
    editing ? onConflict : null,
  );

  return (
    <Modal
      open
      title={editing ? `Sửa: ${editing.name}` : `Thêm đơn vị trực thuộc ${target.mode === 'create' ? target.parent.name : ''}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="org-form-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues}>
        {!editing && (
          <Form.Item
            label="Mã tổ chức"
            name="code"
            extra="Chữ không dấu, chữ số, dấu gạch dưới; tối đa 40 ký tự."
            rules={[
              { required: true, message: 'Nhập mã tổ chức' },
              { pattern: /^[A-Za-z0-9_]{1,40}$/, message: 'Mã chỉ gồm chữ không dấu, chữ số và dấu gạch dưới' },
            ]}
          >
            <Input maxLength={40} data-testid="org-code" />
          </Form.Item>
        )}
        <Form.Item
          label="Tên tổ chức"
          name="name"
          rules={[{ required: true, whitespace: true, min: 2, message: 'Tên có ít nhất 2 ký tự' }]}
        >
          <Input maxLength={300} data-testid="org-name" />
        </Form.Item>
        <Form.Item label="Loại tổ chức" name="kind" rules={[{ required: true, message: 'Chọn loại tổ chức' }]}>
          <Select options={kindOptions} data-testid="org-kind" />
        </Form.Item>
        <Form.Item label="Độ mật" name="secrecy">
          <Select options={secrecyOptions} />
        </Form.Item>
        <Form.Item name="hasCommittee" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>Có cấp ủy</Checkbox>
        </Form.Item>
        <Form.Item name="hasInspectionCommittee" valuePropName="checked">
          <Checkbox>Có Ủy ban Kiểm tra</Checkbox>
        </Form.Item>
        <Form.Item label="Hiệu lực từ ngày" name="validFrom">
          <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" />
        </Form.Item>
        {editing && (
          <Form.Item label="Hiệu lực đến ngày (khi giải thể, hợp nhất)" name="validTo">
            <DatePicker format="DD/MM/YYYY" placeholder="Chọn ngày" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
