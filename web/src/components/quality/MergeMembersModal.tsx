// "Gộp hồ sơ": two records of one person become one. The officer chooses which record to keep and
// states why; both histories are kept and the merge is audited.
import { Alert, Descriptions, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { QualityMember } from '../../../../common/quality.ts';
import { type Member, membersApi } from '../../api/members.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { reportSaveError } from '../formErrors.ts';

interface Props {
  members: QualityMember[];
  onClose: () => void;
  onMerged: (kept: Member) => void;
}

export function MergeMembersModal({ members, onClose, onMerged }: Props) {
  const [form] = Form.useForm<{ keepId: string; mergeId: string; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const keepId = Form.useWatch('keepId', form);
  const chosenMergeId = Form.useWatch('mergeId', form);
  // With two records the other one is merged; with more, the officer says which.
  const otherOf = (id?: string) => (members.length === 2 ? members.find((m) => m.id !== id)?.id : undefined);
  const mergeId = otherOf(keepId) ?? chosenMergeId;
  // Offer to keep the fuller record (the one with a CCCD), merging the other into it.
  const keep = members.find((m) => m.cccdMasked) ?? members[0];
  const initial = { keepId: keep?.id, mergeId: members.find((m) => m.id !== keep?.id)?.id };
  const name = (id?: string) => {
    const m = members.find((x) => x.id === id);
    return m ? `${m.fullName} — ${m.orgName}` : '';
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const merged = otherOf(v.keepId) ?? v.mergeId;
    if (!merged || v.keepId === merged) return setError('Hồ sơ giữ lại và hồ sơ được gộp phải khác nhau.');
    if (!confirming) return setConfirming(true);
    setBusy(true);
    setError(null);
    try {
      onMerged(await membersApi.merge({ keepId: v.keepId, mergeId: merged, reason: v.reason.trim() }));
    } catch (e) {
      setConfirming(false);
      reportSaveError(e, form, setError, null);
    } finally {
      setBusy(false);
    }
  };

  const choice = (m: QualityMember) => (
    <Radio key={m.id} value={m.id} style={{ alignItems: 'flex-start' }}>
      <Descriptions size="small" column={1} title={m.fullName} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="Ngày sinh">{m.birthDate ? formatDate(m.birthDate) : '—'}</Descriptions.Item>
        <Descriptions.Item label="CCCD">{m.cccdMasked ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Thẻ đảng viên">{m.partyCardNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Chi bộ">{m.orgName}</Descriptions.Item>
        <Descriptions.Item label="Cập nhật">{formatDateTime(m.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Radio>
  );

  return (
    <Modal
      open
      title="Gộp hồ sơ trùng"
      okText={confirming ? 'Xác nhận gộp' : 'Tiếp tục'}
      okButtonProps={{ danger: confirming, 'data-testid': 'merge-confirm' }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="merge-error" />}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={() => setConfirming(false)}>
        <Form.Item label="Hồ sơ giữ lại" name="keepId" rules={[{ required: true, message: 'Chọn hồ sơ giữ lại' }]}>
          <Radio.Group>
            <Space wrap align="start">
              {members.map(choice)}
            </Space>
          </Radio.Group>
        </Form.Item>
        {members.length > 2 && (
          <Form.Item label="Hồ sơ được gộp vào hồ sơ giữ lại" name="mergeId" rules={[{ required: true, message: 'Chọn hồ sơ được gộp' }]}>
            <Radio.Group
              options={members.filter((m) => m.id !== keepId).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.orgName}` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label="Lý do gộp"
          name="reason"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Nêu lý do (ít nhất 5 ký tự)' }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            placeholder="Ví dụ: cùng một người, nhập hai lần khi chuyển sinh hoạt"
            data-testid="merge-reason"
          />
        </Form.Item>
      </Form>
      {confirming && (
        <Alert
          type="warning"
          showIcon
          title={`Gộp hồ sơ «${name(mergeId)}» vào hồ sơ «${name(keepId)}»?`}
          description={
            <Typography.Text>
              Lịch sử của cả hai hồ sơ được giữ; hồ sơ được gộp sẽ không còn hiện trong danh sách. Thao tác được ghi vào nhật ký kiểm toán.
            </Typography.Text>
          }
        />
      )}
    </Modal>
  );
}
