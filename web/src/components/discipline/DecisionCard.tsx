// The decision: recorded from a meeting whose vote reached a form (refused with the reason when
// time-barred, incompetent or the form is not open to the subject); then its number, effective date,
// end of effect, follow-up tasks, and the DOCX in the Party's format, generated and downloaded.
import { Alert, App, Button, type ButtonProps, Card, DatePicker, Descriptions, Form, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type DisciplineDecision, disciplineApi, type MatterDetail } from '../../api/discipline.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, todayIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { decisionStatusLabel, FormTag, formLabel } from './labels.tsx';
import { modalProps } from './modalProps.ts';

interface Values {
  meetingId: string;
  decidedOn: Dayjs;
  announcedOn?: Dayjs | null;
  signedOn?: Dayjs | null;
}

function DecisionModal(props: { m: MatterDetail; onClose: () => void; onSaved: () => void; onReload: () => void }) {
  const { m } = props;
  const [form] = Form.useForm<Values>();
  const decidable = [...m.meetings].filter((x) => x.outcomeForm).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const s = useFormSubmit(
    form,
    (v) =>
      disciplineApi.decide(m.id, {
        meetingId: v.meetingId,
        decidedOn: dayToIso(v.decidedOn) ?? '',
        announcedOn: dayToIso(v.announcedOn) ?? undefined,
        signedOn: dayToIso(v.signedOn) ?? undefined,
        version: m.version,
      }),
    props.onSaved,
    props.onReload,
  );
  return (
    <Modal
      open
      title="Ghi nhận quyết định kỷ luật"
      okText="Ghi nhận"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={props.onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'decision-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" data-testid="decision-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ meetingId: decidable[0]?.id, decidedOn: dayjs() }}>
        <Form.Item name="meetingId" label="Theo kết quả cuộc họp" rules={[{ required: true, message: 'Chọn cuộc họp' }]}>
          <Select
            options={decidable.map((x) => ({ value: x.id, label: `Ngày ${formatDate(x.heldOn)}: ${formLabel(x.outcomeForm)}` }))}
            data-testid="decision-meeting"
          />
        </Form.Item>
        <Form.Item name="decidedOn" label="Ngày quyết định" rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="decision-date" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="signedOn" label="Ngày ký (nếu đã ký)">
            <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
          </Form.Item>
          <Form.Item name="announcedOn" label="Ngày công bố (nếu đã công bố)">
            <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The announcement (with its minutes) starts the effect of a chi bộ's decision and the one-year count. */
function AnnounceModal(props: { d: DisciplineDecision; onClose: () => void; onSaved: () => void; onReload: () => void }) {
  const [form] = Form.useForm<{ announcedOn: Dayjs }>();
  const s = useFormSubmit(
    form,
    (v) => disciplineApi.updateDecision(props.d.id, { announcedOn: dayToIso(v.announcedOn) ?? '', version: props.d.version }),
    props.onSaved,
    props.onReload,
  );
  return (
    <Modal
      open
      title="Ghi nhận ngày công bố quyết định"
      okText="Ghi nhận"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={props.onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'decision-announce-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ announcedOn: dayjs() }}>
        <Form.Item
          name="announcedOn"
          label="Ngày công bố (theo biên bản công bố)"
          rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}
        >
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="decision-announced-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Tasks({ d, canWrite, onChanged }: { d: DisciplineDecision; canWrite: boolean; onChanged: (text?: string) => void }) {
  const { message } = App.useApp();
  const done = async (taskId: string) => {
    try {
      await disciplineApi.updateDecision(d.id, { tasks: [{ id: taskId, doneOn: todayIso() }], version: d.version });
      onChanged('Đã ghi nhận việc đã làm.');
    } catch (e) {
      message.error(errorMessage(e));
      onChanged();
    }
  };
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={d.tasks}
      data-testid="decision-tasks"
      locale={{ emptyText: 'Không có việc tiếp theo.' }}
      columns={[
        { title: 'Việc tiếp theo', dataIndex: 'title' },
        {
          title: 'Hạn',
          dataIndex: 'dueOn',
          width: 110,
          render: (due: string, t) => (
            <span style={!t.doneOn && due < todayIso() ? { color: '#cf1322' } : undefined}>{formatDate(due)}</span>
          ),
        },
        {
          title: 'Đã làm',
          dataIndex: 'doneOn',
          width: 140,
          render: (x: string | null, t) =>
            x ? (
              formatDate(x)
            ) : canWrite ? (
              <Button size="small" onClick={() => done(t.id)}>
                Đánh dấu đã làm
              </Button>
            ) : (
              'Chưa'
            ),
        },
      ]}
    />
  );
}

export function DecisionCard(props: { m: MatterDetail; canWrite: boolean; canDecide: boolean; onChanged: (text?: string) => void }) {
  const { m, canDecide } = props;
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [announcing, setAnnouncing] = useState(false);
  const [busy, setBusy] = useState(false);
  const d = m.decision;
  const canPrepare = props.canWrite || canDecide;
  if (!d) {
    const ready = m.meetings.some((x) => x.outcomeForm);
    return (
      <Card title="Quyết định kỷ luật">
        <p>{ready ? 'Cuộc họp đã có kết quả: ghi nhận quyết định.' : 'Chưa có cuộc họp nào đạt một hình thức kỷ luật.'}</p>
        {canDecide && m.status === 'open' && (
          <Button type="primary" disabled={!ready} onClick={() => setOpen(true)} data-testid="decision-record">
            Ghi nhận quyết định
          </Button>
        )}
        {open && <DecisionModal m={m} {...modalProps(() => setOpen(false), props.onChanged, 'Đã ghi nhận quyết định kỷ luật.')} />}
      </Card>
    );
  }
  const generate = async () => {
    setBusy(true);
    try {
      const doc = await disciplineApi.generateDocument(d.id);
      props.onChanged(`Đã tạo quyết định số ${doc.numberText ?? ''} (lần ${doc.revision}).`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const publish = async (on: boolean) => {
    try {
      await disciplineApi.updateDecision(d.id, { publishInternally: on, version: d.version });
      props.onChanged(on ? 'Kết quả kỷ luật được thông báo trong nội bộ.' : 'Đã thôi thông báo trong nội bộ.');
    } catch (e) {
      message.error(errorMessage(e));
      props.onChanged();
    }
  };
  return (
    <Card
      title="Quyết định kỷ luật"
      data-testid="decision-card"
      extra={
        <Space wrap>
          {canPrepare && d.status !== 'annulled' && (
            <Button type="primary" loading={busy} onClick={generate} data-testid="decision-generate">
              {d.fileId ? 'Tạo lại quyết định (DOCX)' : 'Tạo quyết định (DOCX)'}
            </Button>
          )}
          {d.fileId && (
            <Button href={disciplineApi.documentPath(d.id)} data-testid="decision-download">
              Tải về
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Hình thức">
          <FormTag form={d.form} />
          {d.originalForm && <span>(giải quyết khiếu nại; ban đầu: {formLabel(d.originalForm).toLocaleLowerCase('vi')})</span>}
        </Descriptions.Item>
        <Descriptions.Item label="Số quyết định">
          <span data-testid="decision-number">{d.numberText ?? 'Chưa cấp số (cấp khi tạo văn bản)'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Ngày quyết định">{formatDate(d.decidedOn)}</Descriptions.Item>
        <Descriptions.Item label="Ngày công bố">
          {d.announcedOn ? (
            formatDate(d.announcedOn)
          ) : (
            <Space>
              Chưa công bố
              {canPrepare && d.status !== 'annulled' && (
                <Button size="small" onClick={() => setAnnouncing(true)} data-testid="decision-announce">
                  Ghi nhận ngày công bố
                </Button>
              )}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Có hiệu lực từ">
          <span data-testid="decision-effective">{d.effectiveOn ? formatDate(d.effectiveOn) : 'Khi công bố hoặc ký'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Chấm dứt hiệu lực">
          {d.effectEndsOn
            ? `${formatDate(d.effectEndsOn)} (nếu không khiếu nại, không tái phạm)`
            : d.form === 'expulsion' || d.form === 'dissolution'
              ? 'Không áp dụng'
              : 'Một năm sau ngày công bố (chưa công bố)'}
        </Descriptions.Item>
        <Descriptions.Item label="Tình trạng">
          <Tag color={d.status === 'in_force' ? 'green' : d.status === 'annulled' ? 'default' : 'orange'}>
            {decisionStatusLabel(d.status)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Thông báo trong nội bộ">
          <Switch
            checked={d.publishInternally}
            disabled={!canPrepare || d.status === 'annulled'}
            onChange={publish}
            checkedChildren="Có"
            unCheckedChildren="Không"
            aria-label="Thông báo kết quả kỷ luật trong nội bộ"
            data-testid="decision-publish"
          />
        </Descriptions.Item>
        {d.apologyNote && <Descriptions.Item label="Xin lỗi">{d.apologyNote}</Descriptions.Item>}
        {d.restoredRightsNote && <Descriptions.Item label="Khôi phục quyền lợi">{d.restoredRightsNote}</Descriptions.Item>}
      </Descriptions>
      <Tasks d={d} canWrite={props.canWrite} onChanged={props.onChanged} />
      {announcing && (
        <AnnounceModal
          d={d}
          {...modalProps(
            () => setAnnouncing(false),
            props.onChanged,
            'Đã ghi nhận ngày công bố; hiệu lực và ngày chấm dứt hiệu lực được tính lại.',
          )}
        />
      )}
    </Card>
  );
}
