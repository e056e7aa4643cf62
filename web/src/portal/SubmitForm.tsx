// The letter itself: its kind, the body that receives it, whom it is about, what happened, the
// attachments and the sender's choice about their name. Sending solves the anti-robot check first.
import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useRef, useState } from 'react';
import { PETITION_KIND_LABELS } from '../../../common/petitions.ts';
import { PORTAL_KINDS, PORTAL_LIMITS, type PortalReceipt, type PortalSubmission } from '../../../common/portal-api.ts';
import { ApiError, errorMessage } from '../api/client.ts';
import { portalApi } from '../api/portal.ts';
import { useBackoff } from '../components/useBackoff.ts';
import { AttachmentPicker, attachmentsBlocked } from './AttachmentPicker.tsx';
import { BodySelect } from './BodySelect.tsx';
import { IdentityFields } from './IdentityFields.tsx';
import { PowProgress } from './PowProgress.tsx';
import { CHOICE } from './styles.ts';
import { useLeaveWarning } from './useLeaveWarning.ts';
import { isAborted, useProofOfWork } from './useProofOfWork.ts';

type Kind = (typeof PORTAL_KINDS)[number];
export interface SubmitValues {
  kind: Kind;
  bodyOrgId: string;
  subjectName: string;
  subjectPosition?: string;
  title: string;
  content: string;
  anonymous: boolean;
  sender?: { name?: string; address?: string; phone?: string; email?: string };
}

const KIND_HELP: Record<Kind, string> = {
  denunciation: 'Báo cho cơ quan biết hành vi vi phạm của cán bộ, đảng viên hoặc tổ chức đảng.',
  recommendation: 'Đề nghị cơ quan xem xét, giải quyết hoặc sửa đổi một việc.',
  feedback: 'Cho cơ quan biết một sự việc, hiện tượng cần được chú ý.',
};

/** Form fields the server may name in a refusal; anything else is shown above the send button. */
const FORM_FIELDS = new Set([
  'kind',
  'bodyOrgId',
  'subjectName',
  'subjectPosition',
  'title',
  'content',
  'anonymous',
  'sender.name',
  'sender.address',
  'sender.phone',
  'sender.email',
]);

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

export function toSubmission(v: SubmitValues, pow: { challenge: string; nonce: string }): PortalSubmission {
  return {
    pow,
    kind: v.kind,
    bodyOrgId: v.bodyOrgId,
    subjectName: v.subjectName.trim(),
    subjectPosition: blankToNull(v.subjectPosition),
    title: v.title.trim(),
    content: v.content.trim(),
    anonymous: v.anonymous,
    sender: v.anonymous
      ? null
      : {
          name: (v.sender?.name ?? '').trim(),
          address: blankToNull(v.sender?.address),
          phone: blankToNull(v.sender?.phone),
          email: blankToNull(v.sender?.email),
        },
  };
}

export function SubmitForm({ onReceipt }: { onReceipt: (r: PortalReceipt) => void }) {
  const [form] = Form.useForm<SubmitValues>();
  const kind = Form.useWatch('kind', form);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [dirty, setDirty] = useState(false);
  const pow = useProofOfWork();
  const { waitSeconds, noteError } = useBackoff();
  const errorRef = useRef<HTMLDivElement>(null);
  useLeaveWarning(dirty);

  const fail = (message: string) => {
    setError(message);
    requestAnimationFrame(() => errorRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' }));
  };

  const send = async () => {
    setError(null);
    const v = await form.validateFields().catch(() => null);
    if (attachmentsBlocked(files)) {
      const why = 'Có tệp đính kèm chưa hợp lệ: vui lòng bỏ hoặc thay tệp được đánh dấu đỏ.';
      // The form scrolls to its first marked field itself; otherwise show the files' problem.
      if (v) fail(why);
      else setError(why);
      return;
    }
    if (!v) return;
    // One fresh try when the check expired or was already used meanwhile (a slow phone, a double tap).
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const solution = await pow.solve('submit');
        setSending(true);
        const receipt = await portalApi.submit(toSubmission(v, solution), files);
        setDirty(false);
        onReceipt(receipt);
        return;
      } catch (e) {
        if (isAborted(e)) return;
        if (attempt === 1 && e instanceof ApiError && e.status === 400 && e.fields.pow) continue;
        noteError(e);
        const fields = e instanceof ApiError ? Object.entries(e.fields).filter(([k]) => k !== 'retryAfterSeconds') : [];
        const placed = fields.filter(([k]) => FORM_FIELDS.has(k));
        const unplaced = fields.filter(([k]) => !FORM_FIELDS.has(k));
        form.setFields(placed.map(([k, msg]) => ({ name: k.split('.'), errors: [msg] })) as Parameters<typeof form.setFields>[0]);
        if (placed.length > 0) form.scrollToField(placed[0]?.[0].split('.') ?? [], { behavior: 'smooth', block: 'center' });
        if (unplaced.length > 0) fail(unplaced.map(([, m]) => m).join(' '));
        else if (placed.length > 0) setError('Vui lòng sửa các mục được đánh dấu đỏ rồi gửi lại.');
        else fail(errorMessage(e));
        return;
      } finally {
        setSending(false);
      }
    }
  };

  const busy = pow.solving || sending;
  return (
    <>
      <Form<SubmitValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={busy}
        onValuesChange={() => setDirty(true)}
        scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
        data-testid="portal-form"
      >
        <Form.Item name="kind" label="Loại đơn" rules={[{ required: true, message: 'Chọn loại đơn: tố cáo, kiến nghị hoặc phản ánh' }]}>
          <Radio.Group style={{ display: 'block' }} data-testid="portal-kind">
            {PORTAL_KINDS.map((k) => (
              <Radio key={k} value={k} data-testid={`portal-kind-${k}`} style={CHOICE}>
                <strong>{PETITION_KIND_LABELS[k]}</strong>
                <div style={{ color: '#595959', fontSize: 14 }}>{KIND_HELP[k]}</div>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>

        <Form.Item
          name="bodyOrgId"
          label="Gửi đến Ủy ban kiểm tra của"
          extra="Nên gửi đến cấp quản lý người hoặc tổ chức bị tố cáo, phản ánh. Nếu gửi nhầm cấp, đơn sẽ được chuyển đến cấp có thẩm quyền và bạn được báo."
          rules={[{ required: true, message: 'Chọn cơ quan nhận đơn' }]}
        >
          <BodySelect data-testid="portal-body" />
        </Form.Item>

        <Form.Item
          name="subjectName"
          label={kind === 'denunciation' ? 'Người hoặc tổ chức bị tố cáo' : 'Người hoặc tổ chức được nói đến trong đơn'}
          rules={[
            { required: true, whitespace: true, message: 'Nhập tên người hoặc tổ chức bị phản ánh, tố cáo' },
            { min: 2, max: 300, message: 'Từ 2 đến 300 ký tự' },
          ]}
        >
          <Input size="large" data-testid="portal-subject-name" />
        </Form.Item>
        <Form.Item name="subjectPosition" label="Chức vụ, nơi công tác (nếu biết)" rules={[{ max: 300, message: 'Tối đa 300 ký tự' }]}>
          <Input size="large" data-testid="portal-subject-position" />
        </Form.Item>

        <Form.Item
          name="title"
          label="Tiêu đề"
          extra="Tóm tắt nội dung trong một dòng."
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề' },
            { min: 5, max: 300, message: 'Tiêu đề từ 5 đến 300 ký tự' },
          ]}
        >
          <Input size="large" maxLength={300} data-testid="portal-title" />
        </Form.Item>
        <Form.Item
          name="content"
          label={
            <span>
              Nội dung <span style={{ color: '#8c8c8c' }}>(ghi rõ ai, làm gì, ở đâu, khi nào; ai biết hoặc tài liệu nào chứng minh)</span>
            </span>
          }
          rules={[
            { required: true, whitespace: true, message: 'Nhập nội dung' },
            { min: 20, message: 'Nội dung phải có ít nhất 20 ký tự' },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 8, maxRows: 20 }}
            maxLength={PORTAL_LIMITS.contentChars}
            showCount={{
              formatter: ({ count, maxLength }) => `${count.toLocaleString('vi-VN')} / ${(maxLength ?? 0).toLocaleString('vi-VN')} ký tự`,
            }}
            data-testid="portal-content"
          />
        </Form.Item>

        <Form.Item label="Tài liệu kèm theo (nếu có)">
          <AttachmentPicker
            value={files}
            onChange={(f) => {
              setFiles(f);
              setError(null);
            }}
            disabled={busy}
            testId="portal-files"
          />
        </Form.Item>

        <IdentityFields denunciation={kind === 'denunciation'} />
      </Form>

      <div ref={errorRef}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="portal-submit-error" />}
      </div>
      {pow.solving ? (
        <PowProgress seconds={pow.seconds} onCancel={pow.cancel} />
      ) : (
        <>
          <Button
            type="primary"
            size="large"
            block
            loading={sending}
            disabled={waitSeconds > 0}
            onClick={send}
            style={{ height: 52, fontSize: 18 }}
            data-testid="portal-submit"
          >
            {sending ? 'Đang gửi đơn…' : waitSeconds > 0 ? `Gửi đơn (chờ ${waitSeconds} giây)` : 'Gửi đơn'}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13, textAlign: 'center' }}>
            Sau khi gửi, bạn nhận mã tiếp nhận và mã bí mật để theo dõi đơn.
          </Typography.Paragraph>
        </>
      )}
    </>
  );
}
