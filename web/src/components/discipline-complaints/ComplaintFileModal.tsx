// "Nhận đơn khiếu nại": the decision (searched by the disciplined member's name, the decision's number
// or id), who complains, the dates and the facts the admissibility rules turn on (domain.md §5). The
// server decides: accepted, or refused with every ground; the result shows here before closing.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, List, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { FORM_LABELS } from '../../../../common/discipline.ts';
import type { ComplaintDetail, DecisionCandidate } from '../../../../common/discipline-complaints.ts';
import { disciplineComplaintsApi } from '../../api/discipline-complaints.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  decisionId?: string;
  complainantName?: string;
  filedOn?: Dayjs | null;
  decisionReceivedOn?: Dayjs | null;
  content?: string;
  addressedOrgId?: string;
  facts?: string[];
}

const FACTS: { value: string; label: string }[] = [
  { value: 'refusedToReceive', label: 'Đảng viên đã từ chối nhận quyết định kỷ luật' },
  { value: 'sentToSeveralLevels', label: 'Đơn gửi đồng thời đến nhiều cấp' },
  { value: 'onBehalfOfOthers', label: 'Khiếu nại hộ, thay người khác' },
  { value: 'courtSentenceInForce', label: 'Liên quan bản án, quyết định của tòa án đang có hiệu lực' },
  { value: 'alreadyResolvedAtThisLevel', label: 'Đã được cấp này hoặc cấp cao nhất giải quyết' },
  { value: 'movedUnderAnotherSuperior', label: 'Đã chuyển sinh hoạt sang tổ chức đảng thuộc cấp ủy cấp trên khác' },
];

function candidateLabel(d: DecisionCandidate): string {
  return `${d.subjectName} — ${FORM_LABELS[d.form]}${d.numberText ? `, ${d.numberText}` : ''} (${d.decidingOrgName}, ${formatDate(d.decidedOn)})`;
}

export function ComplaintFileModal({ onClose, onFiled }: { onClose: () => void; onFiled: () => void }) {
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<DecisionCandidate | null>(null);
  const [result, setResult] = useState<ComplaintDetail | null>(null);
  const found = useQuery({
    queryKey: ['discipline-complaints', 'candidates', search],
    queryFn: ({ signal }) => disciplineComplaintsApi.candidates(search, signal),
    enabled: search.trim().length >= 2,
  });
  const save = (v: Values) => {
    const facts = new Set(v.facts ?? []);
    return disciplineComplaintsApi.file({
      decisionId: v.decisionId ?? '',
      complainantMemberId: picked?.subjectMemberId ?? null,
      complainantOrgId: picked?.subjectOrgId ?? null,
      complainantName: v.complainantName?.trim() ?? '',
      filedOn: dayToIso(v.filedOn) ?? '',
      decisionReceivedOn: dayToIso(v.decisionReceivedOn),
      content: v.content?.trim() ?? '',
      addressedOrgId: v.addressedOrgId ?? null,
      refusedToReceive: facts.has('refusedToReceive'),
      sentToSeveralLevels: facts.has('sentToSeveralLevels'),
      onBehalfOfOthers: facts.has('onBehalfOfOthers'),
      courtSentenceInForce: facts.has('courtSentenceInForce'),
      alreadyResolvedAtThisLevel: facts.has('alreadyResolvedAtThisLevel'),
      movedUnderAnotherSuperior: facts.has('movedUnderAnotherSuperior'),
    });
  };
  const { submit, busy, error } = useFormSubmit(
    form,
    save,
    (r) => {
      setResult(r);
      onFiled();
    },
    null,
  );

  if (result)
    return (
      <Modal open title="Kết quả nhận đơn" onCancel={onClose} footer={<Button onClick={onClose}>Đóng</Button>}>
        {result.status === 'accepted' ? (
          <Alert
            type="success"
            showIcon
            data-testid="complaint-file-result"
            title="Đơn được thụ lý"
            description={`Cấp giải quyết: ${result.resolverOrgName}. Hạn giải quyết: ${formatDate(result.dueOn)}. ${result.resolverExplanation}`}
          />
        ) : (
          <Alert
            type="warning"
            showIcon
            data-testid="complaint-file-result"
            title="Đơn không được thụ lý"
            description={
              <List
                size="small"
                dataSource={result.grounds}
                renderItem={(g) => <List.Item data-testid={`complaint-ground-${g.code}`}>{g.text}</List.Item>}
              />
            }
          />
        )}
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to={`/ky-luat/khieu-nai/${result.id}`} data-testid="complaint-file-open">
            Xem đơn khiếu nại
          </Link>
        </Typography.Paragraph>
      </Modal>
    );

  return (
    <Modal
      open
      width={720}
      title="Nhận đơn khiếu nại kỷ luật"
      okText="Ghi nhận đơn"
      cancelText="Đóng"
      okButtonProps={{ 'data-testid': 'complaint-file-submit' }}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ filedOn: dayjs() }}>
        <Form.Item
          name="decisionId"
          label="Quyết định kỷ luật bị khiếu nại"
          rules={[{ required: true, message: 'Cần chọn quyết định kỷ luật' }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="Tìm theo tên người bị kỷ luật, số hoặc mã quyết định"
            notFoundContent={search.trim().length < 2 ? 'Nhập ít nhất 2 ký tự' : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy'}
            options={(found.data?.items ?? []).map((d) => ({ value: d.id, label: candidateLabel(d) }))}
            onChange={(id: string) => {
              const d = found.data?.items.find((x) => x.id === id) ?? null;
              setPicked(d);
              if (d) form.setFieldValue('complainantName', d.subjectName);
            }}
            data-testid="complaint-file-decision"
          />
        </Form.Item>
        {picked && (
          <Typography.Paragraph type="secondary">
            Công bố quyết định: {picked.announcedOn ? formatDate(picked.announcedOn) : 'chưa ghi'}. Người khiếu nại phải là chính người (tổ
            chức) bị kỷ luật; đơn gửi hộ không được thụ lý.
          </Typography.Paragraph>
        )}
        <Form.Item
          name="complainantName"
          label="Người khiếu nại"
          rules={[{ required: true, whitespace: true, message: 'Cần nhập tên người khiếu nại' }]}
        >
          <Input maxLength={200} data-testid="complaint-file-name" />
        </Form.Item>
        <Form.Item
          name="filedOn"
          label="Ngày nộp đơn (hoặc ngày dấu bưu điện)"
          rules={[{ required: true, message: 'Cần chọn ngày nộp đơn' }]}
        >
          <DatePicker
            format={VN_DATE_FORMATS}
            placeholder={VN_DATE_PLACEHOLDER}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="complaint-file-filed-on"
          />
        </Form.Item>
        <Form.Item name="decisionReceivedOn" label="Ngày nhận quyết định kỷ luật bằng văn bản (để trống nếu chưa nhận)">
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} data-testid="complaint-file-received-on" />
        </Form.Item>
        <Form.Item name="addressedOrgId" label="Đơn gửi tới (để trống nếu gửi đúng cấp có thẩm quyền)">
          <OrgPicker allowClear placeholder="Cơ quan ghi trên đơn" aria-label="Đơn gửi tới" data-testid="complaint-file-addressed" />
        </Form.Item>
        <Form.Item name="facts" label="Các tình tiết khác">
          <Checkbox.Group options={FACTS} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="complaint-file-facts" />
        </Form.Item>
        <Form.Item
          name="content"
          label="Nội dung khiếu nại"
          rules={[{ required: true, whitespace: true, message: 'Cần nhập nội dung khiếu nại' }]}
        >
          <Input.TextArea rows={4} maxLength={20000} data-testid="complaint-file-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
