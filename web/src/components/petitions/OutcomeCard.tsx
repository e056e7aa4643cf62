// Giải quyết và trả lời: an accepted denunciation (or a letter kept as information whose specific content
// shows signs of violation) leads to an inspection on signs, opened here and followed on the case's page;
// then the result of the resolution, and the answer to the sender, drafted from the case's conclusion.
import { Alert, Button, type ButtonProps, Card, DatePicker, Descriptions, Divider, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { CASE_STATUS_LABELS, type CaseStatus, STEP_LABELS, type StepCode } from '../../../../common/cases.ts';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { outcomeLabel } from './labels.tsx';

type Changed = (text?: string) => void;
/** Where no resolution is due, the answer tells the sender what was done with the letter. */
const ANSWER_WITHOUT_RESOLUTION = ['kept_as_information', 'refused', 'forwarded'];

/** A first draft of the answer for the officer to edit: from the case's conclusion, or what screening decided. */
function draftAnswer(p: PetitionDetail): string {
  if (p.suggestedAnswer) return p.suggestedAnswer;
  const received = `${p.bodyOrgName} đã nhận đơn của ông (bà) ngày ${formatDate(p.receivedOn)}.`;
  if (p.status === 'forwarded' && p.forward)
    return `${received} Nội dung đơn không thuộc thẩm quyền giải quyết của ${p.bodyOrgName}; ${
      p.forward.forwardedOn ? `ngày ${formatDate(p.forward.forwardedOn)} ` : ''
    }đã chuyển đơn đến ${p.forward.orgName} để xem xét, giải quyết theo thẩm quyền.`;
  if (p.screening && (p.status === 'refused' || p.status === 'kept_as_information'))
    return `${received} Kết quả xử lý: ${outcomeLabel(p.screening.result.outcome)}. ${p.screening.result.explanation}`;
  return '';
}

function OpenCaseModal({ p, onClose, onChanged }: { p: PetitionDetail; onClose: () => void; onChanged: Changed }) {
  const [form] = Form.useForm<{ grounds: string }>();
  const s = useFormSubmit(
    form,
    (v) => petitionsApi.openCase(p.id, { version: p.version, grounds: v.grounds }),
    () => {
      onClose();
      onChanged('Đã mở cuộc kiểm tra khi có dấu hiệu vi phạm.');
    },
    () => onChanged(),
  );
  return (
    <Modal
      open
      title="Mở cuộc kiểm tra khi có dấu hiệu vi phạm"
      okText="Mở cuộc kiểm tra"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'petition-case-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph>
        Cuộc kiểm tra do {p.bodyOrgName} tiến hành đối với {p.subjectName}; đơn chuyển sang trạng thái đang giải quyết và theo dõi kết quả
        theo cuộc kiểm tra.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ grounds: p.title.length >= 10 ? p.title : '' }}>
        <Form.Item
          name="grounds"
          label="Dấu hiệu vi phạm"
          rules={[{ required: true, whitespace: true, min: 10, message: 'Nêu dấu hiệu vi phạm (ít nhất 10 ký tự)' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} data-testid="petition-case-grounds" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TextForm(props: {
  label: string;
  dateLabel: string;
  initial: string;
  button: string;
  testId: string;
  save: (text: string, on: string) => Promise<unknown>;
  onSaved: () => void;
  onReload: () => void;
}) {
  const [form] = Form.useForm<{ text: string; on: Dayjs | null }>();
  const s = useFormSubmit(form, (v) => props.save(v.text, dayToIso(v.on) ?? ''), props.onSaved, props.onReload);
  return (
    <Form form={form} layout="vertical" initialValues={{ text: props.initial, on: dayjs() }}>
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 12 }} role="alert" />}
      <Form.Item
        name="text"
        label={props.label}
        rules={[{ required: true, whitespace: true, min: 10, message: 'Nhập nội dung (ít nhất 10 ký tự)' }]}
      >
        <Input.TextArea rows={5} maxLength={20_000} data-testid={`${props.testId}-text`} />
      </Form.Item>
      <Form.Item name="on" label={props.dateLabel} rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
        <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
      </Form.Item>
      <Button type="primary" loading={s.busy} onClick={s.submit} data-testid={`${props.testId}-submit`}>
        {props.button}
      </Button>
    </Form>
  );
}

export function OutcomeCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: Changed }) {
  const [opening, setOpening] = useState(false);
  const inRegistry = !!(p.subjectMemberId || p.subjectOrgId);
  const signs = p.status === 'kept_as_information' && p.screening?.result.mayLeadToInspection === true;
  const mayOpenCase = canWrite && !p.case && inRegistry && ((p.kind === 'denunciation' && p.status === 'accepted') || signs);
  const mayResolve = canWrite && !p.resolution && (p.status === 'accepted' || p.status === 'in_progress');
  const mayAnswer = canWrite && !p.answer && (!!p.resolution || ANSWER_WITHOUT_RESOLUTION.includes(p.status));
  const c = p.case;
  return (
    <Card title="Giải quyết và trả lời người gửi" data-testid="petition-outcome">
      {c ? (
        <Descriptions size="small" column={1} bordered data-testid="petition-case">
          <Descriptions.Item label="Cuộc kiểm tra">
            <Link to={`/kiem-tra-giam-sat/cuoc/${c.id}`}>{c.code}</Link> · {CASE_STATUS_LABELS[c.status as CaseStatus] ?? c.status} ·{' '}
            {STEP_LABELS[c.step as StepCode] ?? c.step}
          </Descriptions.Item>
          {c.concludedOn && (
            <Descriptions.Item label="Kết luận">
              Ngày {formatDate(c.concludedOn)}: {c.violationFound === null ? '' : c.violationFound ? 'có vi phạm' : 'không có vi phạm'}
              {c.findings && <div style={{ whiteSpace: 'pre-wrap' }}>{c.findings}</div>}
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        mayOpenCase && (
          <Button onClick={() => setOpening(true)} data-testid="petition-open-case">
            Mở cuộc kiểm tra khi có dấu hiệu vi phạm
          </Button>
        )
      )}
      {!c && !mayOpenCase && p.status === 'accepted' && p.kind === 'denunciation' && !inRegistry && (
        <Typography.Text type="secondary">
          Người bị tố cáo chưa có trong danh sách đảng viên, tổ chức đảng: chưa mở được cuộc kiểm tra từ đơn này.
        </Typography.Text>
      )}
      {(p.resolution || mayResolve) && <Divider titlePlacement="start">Kết quả giải quyết</Divider>}
      {p.resolution ? (
        <div data-testid="petition-resolution">
          <Typography.Text type="secondary">Ngày {formatDate(p.resolvedOn)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.resolution}</Typography.Paragraph>
        </div>
      ) : (
        mayResolve && (
          <TextForm
            label="Kết quả giải quyết"
            dateLabel="Ngày giải quyết"
            initial={c?.findings ?? ''}
            button="Ghi nhận kết quả giải quyết"
            testId="petition-resolution"
            save={(resolution, resolvedOn) => petitionsApi.resolve(p.id, { version: p.version, resolution, resolvedOn })}
            onSaved={() => onChanged('Đã ghi nhận kết quả giải quyết.')}
            onReload={() => onChanged()}
          />
        )
      )}
      {(p.answer || mayAnswer) && <Divider titlePlacement="start">Trả lời người gửi</Divider>}
      {p.answer ? (
        <div data-testid="petition-answer">
          <Typography.Text type="secondary">Ngày {formatDate(p.answeredOn)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.answer}</Typography.Paragraph>
        </div>
      ) : (
        mayAnswer && (
          <>
            {p.fromPortal && (
              <Typography.Paragraph type="secondary">
                Đơn gửi qua cổng trực tuyến: người gửi đọc được nội dung trả lời khi tra cứu.
              </Typography.Paragraph>
            )}
            <TextForm
              label="Nội dung trả lời"
              dateLabel="Ngày trả lời"
              initial={draftAnswer(p)}
              button="Ghi nhận trả lời"
              testId="petition-answer"
              save={(answer, answeredOn) => petitionsApi.answer(p.id, { version: p.version, answer, answeredOn })}
              onSaved={() => onChanged('Đã ghi nhận nội dung trả lời người gửi.')}
              onReload={() => onChanged()}
            />
          </>
        )
      )}
      {!c && !mayOpenCase && !p.resolution && !mayResolve && !p.answer && !mayAnswer && (
        <Typography.Text type="secondary">
          {p.status === 'received' || p.status === 'screening'
            ? 'Phân loại đơn trước khi giải quyết và trả lời.'
            : 'Chưa có kết quả giải quyết, trả lời người gửi.'}
        </Typography.Text>
      )}
      {opening && <OpenCaseModal p={p} onClose={() => setOpening(false)} onChanged={onChanged} />}
    </Card>
  );
}
