// "Xác định đối tượng": a letter registered with a name only (every letter from the portal) is tied to a
// member or a party organisation of the registry, since screening needs the subject's organisation to find
// the competent body (domain.md §5) and otherwise answers "undetermined". The officer may also correct a
// subject chosen earlier, while the letter is received or being screened and no inspection is open (the
// server checks the same). The name written in the letter is searched at once: the likely matches show
// first, one click away; the pickers below search the whole registry.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, type ButtonProps, Form, Modal, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { membersApi } from '../../api/members.ts';
import { orgsApi } from '../../api/orgs.ts';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { MemberPicker } from '../MemberPicker.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

type Kind = 'member' | 'org';
interface Values {
  kind: Kind;
  subjectMemberId?: string;
  subjectOrgId?: string;
}
interface Choice {
  value: string;
  label: string;
  detail?: string;
}

const EDITABLE = ['received', 'screening'];
const SHOWN = 8;

/** Whether this user may tie the letter to the registry now (the server refuses otherwise). */
export const maySetSubject = (p: PetitionDetail, canWrite: boolean) => canWrite && !p.case && EDITABLE.includes(p.status);

/** The registry's entries whose name is the one written in the letter, to pick with one click. */
function Suggestions({ kind, name, value, onPick }: { kind: Kind; name: string; value?: string; onPick: (c: Choice) => void }) {
  const q = name.trim();
  const members = useQuery({
    queryKey: ['members', 'pick', q, 'subject-suggestions'],
    queryFn: ({ signal }) => membersApi.list({ q, page: 1, pageSize: SHOWN }, signal),
    enabled: kind === 'member' && q.length >= 2,
    retry: false,
  });
  const orgs = useQuery({
    queryKey: ['orgs', 'search', q],
    queryFn: ({ signal }) => orgsApi.search(q, signal),
    enabled: kind === 'org' && q.length >= 2,
    retry: false,
  });
  const found = kind === 'member' ? members : orgs;
  if (q.length < 2 || found.error) return null;
  if (found.isPending) return <Spin size="small" />;
  const choices: Choice[] =
    kind === 'member'
      ? (members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.orgName}`, detail: m.currentPosts.join('; ') }))
      : (orgs.data?.items ?? []).slice(0, SHOWN).map((o) => ({ value: o.id, label: o.name }));
  const more = kind === 'member' ? (members.data?.total ?? 0) - choices.length : 0;
  return (
    <div style={{ marginBottom: 16 }} data-testid="subject-suggestions">
      <Typography.Text strong>Tìm theo tên ghi trong đơn</Typography.Text>
      {choices.length === 0 ? (
        <div>
          <Typography.Text type="secondary">
            Không có {kind === 'member' ? 'đảng viên' : 'tổ chức đảng'} nào tên “{q}”. Tìm theo tên khác, số CCCD hoặc mã ở ô dưới.
          </Typography.Text>
        </div>
      ) : (
        <Radio.Group value={value} onChange={(e) => onPick(choices.find((c) => c.value === e.target.value) as Choice)}>
          <Space orientation="vertical" size={4} style={{ marginTop: 6 }}>
            {choices.map((c) => (
              <Radio key={c.value} value={c.value}>
                <span data-testid={`subject-suggestion-${c.value}`}>
                  {c.label}
                  {c.detail && <Typography.Text type="secondary"> · {c.detail}</Typography.Text>}
                </span>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      {more > 0 && (
        <div>
          <Typography.Text type="secondary">
            Còn {more} đảng viên khác có tên phù hợp: tìm chính xác hơn (họ tên đầy đủ, số CCCD) ở ô dưới.
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** The server names the member's field for every refusal: show it on the field the officer is using. */
function onChosenField(e: unknown, kind: Kind): unknown {
  if (!(e instanceof ApiError) || kind === 'member' || !e.fields.subjectMemberId) return e;
  const { subjectMemberId, ...rest } = e.fields;
  return new ApiError(e.status, e.code, e.message, { ...rest, subjectOrgId: rest.subjectOrgId ?? subjectMemberId });
}

function SubjectModal({ p, onClose, onChanged }: { p: PetitionDetail; onClose: () => void; onChanged: (text?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const kind: Kind = Form.useWatch('kind', form) ?? (p.subjectOrgId ? 'org' : 'member');
  const memberId = Form.useWatch('subjectMemberId', form);
  const orgId = Form.useWatch('subjectOrgId', form);
  const [memberName, setMemberName] = useState<string | undefined>(p.subjectMemberId ? p.subjectName : undefined);
  const tied = !!(p.subjectMemberId || p.subjectOrgId);
  const s = useFormSubmit(
    form,
    (v) =>
      petitionsApi
        .setSubject(
          p.id,
          v.kind === 'member'
            ? { version: p.version, subjectMemberId: v.subjectMemberId }
            : { version: p.version, subjectOrgId: v.subjectOrgId },
        )
        .catch((e: unknown) => {
          throw onChosenField(e, v.kind);
        }),
    (saved) => {
      onClose();
      onChanged(`Đã xác định đối tượng của đơn: ${saved.subjectName}.`);
    },
    // Someone else changed the letter first: reload it, so that the next save carries its new version.
    () => onChanged(),
  );
  const pick = (c: Choice) => {
    if (kind === 'member') {
      setMemberName(c.label);
      form.setFieldValue('subjectMemberId', c.value);
    } else form.setFieldValue('subjectOrgId', c.value);
    void form.validateFields([kind === 'member' ? 'subjectMemberId' : 'subjectOrgId']).catch(() => null);
  };
  return (
    <Modal
      open
      title={tied ? 'Đổi đối tượng bị phản ánh, tố cáo' : 'Xác định đối tượng bị phản ánh, tố cáo'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'subject-submit' } as ButtonProps}
      destroyOnHidden
      width={640}
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 12 }} role="alert" />}
      <Typography.Paragraph>
        {tied ? 'Đối tượng hiện tại' : 'Tên ghi trong đơn'}: <Typography.Text strong>{p.subjectName}</Typography.Text>
        {p.subjectPosition && <Typography.Text type="secondary"> · {p.subjectPosition}</Typography.Text>}
        <br />
        <Typography.Text type="secondary">
          Chọn đúng đảng viên hoặc tổ chức đảng trong cơ sở dữ liệu: cấp có thẩm quyền giải quyết đơn được xác định theo đối tượng này.
        </Typography.Text>
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="subject-form"
        initialValues={{
          kind: p.subjectOrgId ? 'org' : 'member',
          subjectMemberId: p.subjectMemberId ?? undefined,
          subjectOrgId: p.subjectOrgId ?? undefined,
        }}
      >
        <Form.Item name="kind" label="Đơn phản ánh, tố cáo">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'member', label: 'Một đảng viên' },
              { value: 'org', label: 'Một tổ chức đảng' },
            ]}
            data-testid="subject-kind"
          />
        </Form.Item>
        <Suggestions kind={kind} name={p.subjectName} value={kind === 'member' ? memberId : orgId} onPick={pick} />
        {kind === 'member' ? (
          <Form.Item
            name="subjectMemberId"
            label="Đảng viên"
            rules={[{ required: true, message: 'Chọn đảng viên bị phản ánh, tố cáo' }]}
            extra="Gõ họ tên (có hoặc không dấu) hoặc số CCCD để tìm trong danh sách đảng viên."
          >
            <MemberPicker knownName={memberName} data-testid="subject-member" />
          </Form.Item>
        ) : (
          <Form.Item
            name="subjectOrgId"
            label="Tổ chức đảng"
            rules={[{ required: true, message: 'Chọn tổ chức đảng bị phản ánh, tố cáo' }]}
            extra="Gõ tên hoặc mã tổ chức để tìm."
          >
            <OrgPicker data-testid="subject-org" aria-label="Tổ chức đảng bị phản ánh, tố cáo" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The prompt's button (no subject in the registry yet) or, once one is chosen, a small link to change it. */
export function SubjectButton({ p, onChanged }: { p: PetitionDetail; onChanged: (text?: string) => void }) {
  const [openFor, setOpenFor] = useState<string | null>(null);
  const tied = !!(p.subjectMemberId || p.subjectOrgId);
  return (
    <>
      {tied ? (
        <Button type="link" size="small" onClick={() => setOpenFor(p.id)} data-testid="subject-change">
          Đổi đối tượng
        </Button>
      ) : (
        <Button type="primary" size="small" onClick={() => setOpenFor(p.id)} data-testid="subject-open">
          Xác định đối tượng
        </Button>
      )}
      {/* Mounted only while open, for this letter: a half-made choice does not follow the officer elsewhere. */}
      {openFor === p.id && <SubjectModal key={p.id} p={p} onClose={() => setOpenFor(null)} onChanged={onChanged} />}
    </>
  );
}
