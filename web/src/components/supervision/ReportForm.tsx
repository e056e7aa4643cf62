// A committee member's report for one period: what was supervised, findings, proposals, signs of
// violation. Sends a first report (version 0) or a correction (the version shown) until compilation.
import { Alert, Button, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SUPERVISION_PERIOD_LABELS, type SupervisionPeriod, type SupervisionReport } from '../../../../common/supervision.ts';
import { supervisionApi } from '../../api/supervision.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { reportSaveError } from '../formErrors.ts';

interface Values {
  content: string;
  findings?: string;
  proposals?: string;
  signsOfViolation: boolean;
}

export function ReportForm({
  areaId,
  year,
  period,
  current,
  onSaved,
  onConflict,
}: {
  areaId: string;
  year: number;
  period: SupervisionPeriod;
  current: SupervisionReport | null;
  onSaved: (r: SupervisionReport) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = current?.compiled ?? false;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await supervisionApi.submit(areaId, {
        year,
        period,
        content: v.content,
        findings: v.findings?.trim() || null,
        proposals: v.proposals?.trim() || null,
        signsOfViolation: v.signsOfViolation,
        version: current?.version ?? 0,
      });
      onSaved(saved);
    } catch (e) {
      reportSaveError(e, form, setError, onConflict);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid={`supervision-report-${period}`}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          Báo cáo {SUPERVISION_PERIOD_LABELS[period].toLowerCase()} {year}
        </Typography.Text>
        {current ? (
          <>
            <Tag color={current.late ? 'orange' : 'green'}>{current.late ? 'Gửi muộn' : 'Đã gửi đúng hạn'}</Tag>
            <Typography.Text type="secondary">
              Gửi lúc {formatDateTime(current.submittedAt)}
              {current.dueOn ? `, hạn ${formatDate(current.dueOn)}` : ''}
              {current.updatedAt ? `; sửa lần cuối ${formatDateTime(current.updatedAt)}` : ''}
            </Typography.Text>
            {closed && <Tag color="blue">Đã được tổng hợp</Tag>}
          </>
        ) : (
          <Tag>Chưa gửi</Tag>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={closed}
        initialValues={{
          content: current?.content ?? '',
          findings: current?.findings ?? '',
          proposals: current?.proposals ?? '',
          signsOfViolation: current?.signsOfViolation ?? false,
        }}
      >
        <Form.Item
          name="content"
          label="Nội dung đã giám sát (địa bàn, lĩnh vực, hình thức: dự họp, nghe báo cáo, trao đổi…)"
          rules={[{ required: true, min: 20, message: 'Cần nêu nội dung đã giám sát (ít nhất 20 ký tự)' }]}
        >
          <Input.TextArea rows={5} maxLength={20000} data-testid="supervision-content" />
        </Form.Item>
        <Form.Item name="findings" label="Kết quả: ưu điểm, hạn chế, khuyết điểm phát hiện">
          <Input.TextArea rows={4} maxLength={20000} data-testid="supervision-findings" />
        </Form.Item>
        <Form.Item name="proposals" label="Kiến nghị, đề xuất">
          <Input.TextArea rows={3} maxLength={20000} data-testid="supervision-proposals" />
        </Form.Item>
        <Form.Item name="signsOfViolation" label="Phát hiện dấu hiệu vi phạm" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" data-testid="supervision-signs" />
        </Form.Item>
        <Button type="primary" onClick={submit} loading={busy} disabled={closed} data-testid="supervision-submit">
          {current ? 'Gửi lại báo cáo đã sửa' : 'Gửi báo cáo'}
        </Button>
      </Form>
    </div>
  );
}
