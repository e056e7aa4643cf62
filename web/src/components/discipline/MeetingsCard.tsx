// The deciding body's meetings: attendance and the secret ballots per proposed form; the server computes
// the outcome by the thresholds over the official members and the count-down rule (domain.md §4) and
// explains it. The newest meeting's outcome is shown first.
import { Alert, Button, type ButtonProps, Card, DatePicker, Descriptions, Empty, Form, InputNumber, Modal, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type DisciplineForm, FORM_RANK } from '../../../../common/discipline.ts';
import { disciplineApi, type MatterDetail } from '../../api/discipline.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { formLabel } from './labels.tsx';
import { modalProps } from './modalProps.ts';

type Meeting = MatterDetail['meetings'][number];

interface Values {
  heldOn: Dayjs;
  officialMembers: number;
  present: number;
  votes: Record<string, number | null | undefined>;
}

/** The forms put to the vote: those open to the subject, heaviest first as the count-down reads them. */
function ballotForms(m: MatterDetail): string[] {
  const open =
    m.assessment.formsOpen.length > 0
      ? m.assessment.formsOpen
      : m.subjectKind === 'org'
        ? ['reprimand', 'warning', 'dissolution']
        : ['reprimand', 'warning', 'removal', 'expulsion'];
  return [...open].sort((a, b) => (FORM_RANK[b as DisciplineForm] ?? 0) - (FORM_RANK[a as DisciplineForm] ?? 0));
}

function MeetingModal(props: { m: MatterDetail; onClose: () => void; onSaved: () => void; onReload: () => void }) {
  const { m } = props;
  const [form] = Form.useForm<Values>();
  const forms = ballotForms(m);
  const s = useFormSubmit(
    form,
    (v) =>
      disciplineApi.recordMeeting(m.id, {
        heldOn: dayToIso(v.heldOn) ?? '',
        officialMembers: v.officialMembers,
        present: v.present,
        ballots: forms
          .filter((f) => typeof v.votes?.[f] === 'number')
          .map((f) => ({ form: f as DisciplineForm, votes: v.votes[f] as number })),
        version: m.version,
      }),
    props.onSaved,
    props.onReload,
    (v) => {
      if (!forms.some((f) => typeof v.votes?.[f] === 'number')) return 'Nhập số phiếu cho ít nhất một hình thức.';
      if (v.present > v.officialMembers) return 'Số thành viên có mặt không được lớn hơn số thành viên chính thức.';
      const total = forms.reduce((n, f) => n + (v.votes?.[f] ?? 0), 0);
      if (total > v.present) return `Tổng số phiếu (${total}) lớn hơn số thành viên có mặt (${v.present}).`;
      return null;
    },
  );
  return (
    <Modal
      open
      title="Ghi nhận cuộc họp và kết quả bỏ phiếu kín"
      okText="Ghi nhận"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={props.onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'meeting-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" data-testid="meeting-error" />}
      <p>
        Mỗi phiếu ghi một hình thức. Khiển trách, cảnh cáo, cách chức, giải tán cần quá một nửa số thành viên chính thức; khai trừ cần ít
        nhất hai phần ba (thành viên vắng mặt vẫn tính). Nếu không hình thức nào đạt, phiếu được cộng dồn từ hình thức nặng xuống nhẹ.
      </p>
      <Form<Values> form={form} layout="vertical" initialValues={{ heldOn: dayjs(), votes: {} }}>
        <Form.Item name="heldOn" label="Ngày họp" rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="meeting-date" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="officialMembers" label="Số thành viên chính thức" rules={[{ required: true, message: 'Nhập số thành viên' }]}>
            <InputNumber min={1} max={500} data-testid="meeting-official" />
          </Form.Item>
          <Form.Item name="present" label="Số có mặt" rules={[{ required: true, message: 'Nhập số có mặt' }]}>
            <InputNumber min={0} max={500} data-testid="meeting-present" />
          </Form.Item>
        </Space>
        <p style={{ marginBottom: 8 }}>Số phiếu theo từng hình thức đề nghị:</p>
        <Space wrap>
          {forms.map((f) => (
            <Form.Item key={f} name={['votes', f]} label={formLabel(f)}>
              <InputNumber min={0} max={500} data-testid={`ballot-${f}`} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}

function MeetingView({ meeting, latest }: { meeting: Meeting; latest: boolean }) {
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
      <Descriptions.Item label="Ngày họp">{formatDate(meeting.heldOn)}</Descriptions.Item>
      <Descriptions.Item label="Thành viên">
        {meeting.present}/{meeting.officialMembers} có mặt
      </Descriptions.Item>
      <Descriptions.Item label="Phiếu">{meeting.ballots.map((b) => `${formLabel(b.form)}: ${b.votes}`).join('; ')}</Descriptions.Item>
      <Descriptions.Item label="Kết quả">
        <div data-testid={latest ? 'meeting-outcome' : undefined}>
          {meeting.outcomeForm ? <Tag color="red">{formLabel(meeting.outcomeForm)}</Tag> : <Tag>Không hình thức nào đạt</Tag>}
          <div>{meeting.outcomeExplanation}</div>
        </div>
      </Descriptions.Item>
    </Descriptions>
  );
}

export function MeetingsCard(props: { m: MatterDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const { m, canWrite } = props;
  const [open, setOpen] = useState(false);
  const newestFirst = [...m.meetings].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const canRecord = canWrite && m.status === 'open' && !m.decision;
  return (
    <Card
      title="Cuộc họp, bỏ phiếu"
      extra={
        canRecord && (
          <Button onClick={() => setOpen(true)} data-testid="meeting-record">
            Ghi nhận cuộc họp
          </Button>
        )
      }
    >
      {newestFirst.length === 0 ? (
        <Empty description="Chưa có cuộc họp xem xét kỷ luật." />
      ) : (
        newestFirst.map((x, k) => <MeetingView key={x.id} meeting={x} latest={k === 0} />)
      )}
      {open && <MeetingModal m={m} {...modalProps(() => setOpen(false), props.onChanged, 'Đã ghi nhận kết quả bỏ phiếu.')} />}
    </Card>
  );
}
