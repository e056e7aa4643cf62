// Phân loại đơn (domain.md §5; issue #6, point 3): the officer answers plain questions about the letter; the
// rule on the server decides, live as the answers change, what is done with it and on which ground; the
// officer then records it. A letter may be screened again until an inspection is opened on it.
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type PetitionDetail, petitionsApi, type ScreeningForm } from '../../api/petitions.ts';
import { formatDate } from '../../i18n/format.ts';
import { reportSaveError } from '../formErrors.ts';
import { useDebounced } from '../OrgSearch.tsx';
import { ScreeningResultView } from './ScreeningResultView.tsx';

type Facts = Omit<ScreeningForm, 'version'>;
const YES_NO = [
  { value: true, label: 'Có' },
  { value: false, label: 'Không' },
];

function Question({ name, label, help, required }: { name: keyof Facts; label: string; help: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} extra={help} rules={required ? [{ required: true, message: 'Cần trả lời câu hỏi này' }] : []}>
      <Radio.Group optionType="button" options={YES_NO} data-testid={`screening-${name}`} />
    </Form.Item>
  );
}

const REQUIRED: (keyof Facts)[] = ['sender', 'addressKnown', 'specific', 'verifiable'];
const complete = (v: Partial<Facts> | undefined) => !!v && REQUIRED.every((k) => v[k] !== undefined && v[k] !== null);

function Preview({ p, facts }: { p: PetitionDetail; facts: Partial<Facts> | undefined }) {
  const json = useDebounced(JSON.stringify(facts ?? {}), 350);
  const ready = complete(JSON.parse(json) as Partial<Facts>);
  const q = useQuery({
    // The version too: a change to the letter (its subject, above all) changes what the rule decides.
    queryKey: ['petitions', 'screening-preview', p.id, p.version, json],
    queryFn: ({ signal }) => petitionsApi.screeningPreview(p.id, { ...(JSON.parse(json) as Facts), version: p.version }, signal),
    enabled: ready,
    retry: false,
    staleTime: 60_000,
  });
  if (!complete(facts)) return <Typography.Text type="secondary">Trả lời các câu hỏi bắt buộc để xem đề xuất xử lý.</Typography.Text>;
  if (q.error) return <Alert type="error" showIcon title={errorMessage(q.error)} />;
  if (!q.data) return <Spin size="small" />;
  return (
    <Spin spinning={q.isFetching} size="small">
      <ScreeningResultView r={q.data} testId="screening-preview" />
    </Spin>
  );
}

function ScreeningFormView(props: {
  p: PetitionDetail;
  onDone: (text: string) => void;
  onReload: () => void;
  onCancel: (() => void) | null;
}) {
  const { p } = props;
  const [form] = Form.useForm<Facts>();
  const facts = Form.useWatch((v: Facts) => v, form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const earlier = (p.screening?.facts ?? {}) as Partial<Facts>;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await petitionsApi.screen(p.id, { ...v, version: p.version });
      props.onDone('Đã ghi nhận kết quả phân loại.');
    } catch (e) {
      reportSaveError(e, form, setError, props.onReload);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Facts>
        form={form}
        layout="vertical"
        data-testid="screening-form"
        initialValues={{
          sender: p.senderIdentity,
          addressKnown: p.senderAddressKnown,
          concludedBefore: false,
          newEvidence: false,
          mixedComplaintAndDenunciation: false,
          withdrawn: false,
          withdrawalCoerced: false,
          takeOver: false,
          ...earlier,
        }}
      >
        <Form.Item name="sender" label="1. Người gửi đơn" extra="Mạo tên: đơn ký tên người khác, không phải người viết đơn.">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'named', label: 'Ghi rõ họ tên thật' },
              { value: 'anonymous', label: 'Giấu tên' },
              { value: 'false_name', label: 'Mạo tên' },
            ]}
            data-testid="screening-sender"
          />
        </Form.Item>
        <Question
          name="addressKnown"
          required
          label="2. Có rõ địa chỉ người gửi không?"
          help="Có địa chỉ để liên hệ làm rõ nội dung và trả lời người gửi."
        />
        <Question
          name="specific"
          required
          label="3. Nội dung đơn có cụ thể không?"
          help="Nêu rõ ai, làm việc gì, khi nào, ở đâu — không chỉ nói chung chung."
        />
        <Question
          name="verifiable"
          required
          label="4. Có căn cứ để thẩm tra, xác minh không?"
          help="Có tài liệu, chứng cứ, nhân chứng hoặc hồ sơ để kiểm tra nội dung đơn."
        />
        <Question
          name="concludedBefore"
          label="5. Vụ việc đã được cấp có thẩm quyền xem xét, kết luận trước đây?"
          help="Đơn gửi lại về việc đã có kết luận."
        />
        {facts?.concludedBefore && (
          <Question
            name="newEvidence"
            label="5a. Đơn có tài liệu, chứng cứ mới không?"
            help="Chứng cứ mới làm thay đổi bản chất vụ việc đã kết luận."
          />
        )}
        <Question
          name="mixedComplaintAndDenunciation"
          label="6. Đơn vừa khiếu nại vừa tố cáo?"
          help="Phần khiếu nại được giải quyết; người gửi được hướng dẫn gửi riêng phần tố cáo."
        />
        <Question name="withdrawn" label="7. Người gửi đã xin rút đơn?" help="Rút đơn thì dừng giải quyết, trừ khi bị ép buộc." />
        {facts?.withdrawn && (
          <Question
            name="withdrawalCoerced"
            label="7a. Việc rút đơn do bị đe dọa, ép buộc, mua chuộc?"
            help="Nếu có, vẫn tiếp tục giải quyết."
          />
        )}
        <Question
          name="takeOver"
          label="8. Cấp trên trực tiếp giải quyết đơn về cấp dưới?"
          help="Chỉ chọn Có khi cơ quan tiếp nhận quyết định tự giải quyết vụ việc thuộc cấp dưới."
        />
        <Form.Item name="note" label="Ghi chú của cán bộ">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
      </Form>
      <Card size="small" type="inner" title="Đề xuất xử lý theo quy định" style={{ marginBottom: 12 }}>
        <Preview p={p} facts={facts} />
      </Card>
      <Space>
        <Button type="primary" loading={busy} onClick={submit} data-testid="screening-submit">
          Ghi nhận kết quả phân loại
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Hủy</Button>}
      </Space>
    </>
  );
}

const FINISHED = ['resolved', 'answered', 'closed'];

export function ScreeningCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const [again, setAgain] = useState(false);
  const { message } = App.useApp();
  const s = p.screening;
  const mayScreen = canWrite && !p.case && !FINISHED.includes(p.status);
  const editing = mayScreen && (!s || again);
  return (
    <Card
      title="Phân loại, xử lý đơn"
      data-testid="petition-screening"
      extra={
        s &&
        mayScreen &&
        !again && (
          <Button size="small" onClick={() => setAgain(true)} data-testid="screening-again">
            Phân loại lại
          </Button>
        )
      }
    >
      {s && !editing && (
        <>
          <ScreeningResultView r={s.result} testId="screening-result" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Phân loại ngày {formatDate(s.screenedOn)}
            {s.screenedByName && ` · ${s.screenedByName}`}
            {typeof s.facts.note === 'string' && s.facts.note && ` · Ghi chú: ${s.facts.note}`}
          </Typography.Text>
        </>
      )}
      {!s && !editing && <Typography.Text type="secondary">Đơn chưa được phân loại.</Typography.Text>}
      {editing && (
        <ScreeningFormView
          p={p}
          onCancel={s ? () => setAgain(false) : null}
          onReload={() => onChanged()}
          onDone={(text) => {
            setAgain(false);
            message.success(text);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}
