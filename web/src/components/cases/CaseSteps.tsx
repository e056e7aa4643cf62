// The steps of the case's kind (domain.md §3) as a timeline: for each, when it started, its due date in
// working days and when it was completed, with the minutes and reports attached to it.
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Card, Form, Input, Modal, Select, Space, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_KIND_LABELS } from '../../../../common/case-api.ts';
import { CASE_STEPS, type CaseKind, STAGE_LABELS, STEP_STAGE, stepLabel } from '../../../../common/cases.ts';
import { todayInVietnam } from '../../../../common/dates.ts';
import { type CaseDetail, casesApi } from '../../api/cases.ts';
import { download, errorMessage } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { reportSaveError } from '../formErrors.ts';
import { DueDate } from './caseLabels.tsx';

type Step = CaseDetail['steps'][number];

function AttachModal({ c, step, onClose, onSaved }: { c: CaseDetail; step: Step; onClose: () => void; onSaved: (c: CaseDetail) => void }) {
  const [form] = Form.useForm<{ title: string; kind: string }>();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!file) return setError('Chọn tệp cần đính kèm.');
    setBusy(true);
    setError(null);
    try {
      onSaved(await casesApi.attach(c.id, file, { title: v.title, kind: v.kind, stepId: step.id }));
    } catch (e) {
      reportSaveError(e, form, setError, null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`Đính kèm vào bước: ${stepLabel(c.kind as CaseKind, step.step)}`}
      okText="Tải lên"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'case-attach-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="case-attach-error" />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'minutes' }}>
        <Form.Item label="Tên tài liệu" name="title" rules={[{ required: true, min: 2, message: 'Nhập tên tài liệu' }]}>
          <Input maxLength={300} data-testid="case-attach-title" />
        </Form.Item>
        <Form.Item label="Loại" name="kind">
          <Select options={Object.entries(ATTACHMENT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Upload
          beforeUpload={(f) => {
            setFile(f);
            return false;
          }}
          maxCount={1}
          onRemove={() => setFile(null)}
        >
          <Button icon={<UploadOutlined />} data-testid="case-attach-file">
            Chọn tệp (PDF, ảnh quét, Word, Excel; tối đa 20 MB)
          </Button>
        </Upload>
      </Form>
    </Modal>
  );
}

export function CaseSteps({ c, canWrite, onChanged }: { c: CaseDetail; canWrite: boolean; onChanged: (c: CaseDetail) => void }) {
  const { message } = App.useApp();
  const [attaching, setAttaching] = useState<Step | null>(null);
  const kind = c.kind as CaseKind;
  const live = c.status === 'open';
  const today = todayInVietnam();
  const get = async (id: string, name: string) => {
    try {
      await download(casesApi.attachmentPath(id), name);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const items = CASE_STEPS[kind].map((code) => {
    const rows = c.steps.filter((s) => s.step === code);
    const last = rows.at(-1);
    const current = c.step === code && c.status !== 'closed';
    const done = !!last?.completedOn;
    return {
      color: current ? 'blue' : done ? 'green' : 'gray',
      content: (
        <div data-testid={`case-step-${code}`}>
          <Space wrap>
            <Typography.Text strong={current}>{stepLabel(kind, code)}</Typography.Text>
            <Typography.Text type="secondary">({STAGE_LABELS[STEP_STAGE[code]]})</Typography.Text>
          </Space>
          {rows.map((r) => (
            <div key={r.id} style={{ fontSize: 13 }}>
              <Space wrap size="small">
                <span>Bắt đầu {formatDate(r.startedOn)}</span>
                {r.dueOn && (
                  <span>
                    · Hạn <DueDate date={r.dueOn} live={live && !r.completedOn} soon={null} today={today} />
                  </span>
                )}
                {r.completedOn && code !== 'closed' && <span>· Hoàn thành {formatDate(r.completedOn)}</span>}
                {r.note && <Typography.Text type="secondary">· {r.note}</Typography.Text>}
                {canWrite && code !== 'closed' && (
                  <Button
                    size="small"
                    type="link"
                    icon={<PaperClipOutlined />}
                    onClick={() => setAttaching(r)}
                    data-testid={`case-attach-${code}`}
                  >
                    Đính kèm
                  </Button>
                )}
              </Space>
              {c.attachments
                .filter((a) => a.stepId === r.id)
                .map((a) => (
                  <div key={a.id} style={{ marginLeft: 12 }}>
                    <Button type="link" size="small" onClick={() => get(a.id, a.fileName)} data-testid="case-attachment">
                      {ATTACHMENT_KIND_LABELS[a.kind]}: {a.title}
                    </Button>
                    <Typography.Text type="secondary">({formatNumber(Math.ceil(a.size / 1024))} KB)</Typography.Text>
                  </div>
                ))}
            </div>
          ))}
        </div>
      ),
    };
  });
  return (
    <Card title="Các bước" data-testid="case-steps">
      <Timeline items={items} />
      {attaching && (
        <AttachModal
          c={c}
          step={attaching}
          onClose={() => setAttaching(null)}
          onSaved={(next) => {
            setAttaching(null);
            message.success('Đã đính kèm tài liệu.');
            onChanged(next);
          }}
        />
      )}
    </Card>
  );
}
