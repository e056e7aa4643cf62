// For the UBKT: a committee, a year and a period; who has reported (on time, late), who has not
// (missing in red); assigning areas, ending an assignment, compiling, downloading the compiled DOCX.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type PeriodStatus,
  REPORT_STATUS_LABELS,
  type ReportStatus,
  SUPERVISION_PERIOD_LABELS,
  SUPERVISION_PERIODS,
  type SupervisionPeriod,
} from '../../../../common/supervision.ts';
import { errorMessage } from '../../api/client.ts';
import { supervisionApi } from '../../api/supervision.ts';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format.ts';
import { todayIso } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { QueryError } from '../QueryState.tsx';
import { AssignAreaModal } from './AssignAreaModal.tsx';
import { DueSettingsModal } from './DueSettingsModal.tsx';
import { ReportViewModal } from './ReportViewModal.tsx';

const STATUS_COLORS: Record<ReportStatus, string> = {
  on_time: 'green',
  late: 'orange',
  missing: 'red',
  not_due: 'default',
  not_required: 'default',
};
type Row = PeriodStatus['rows'][number];

export function PeriodStatusView({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState(new Date().getFullYear());
  const [period, setPeriod] = useState<SupervisionPeriod>('half');
  const [assigning, setAssigning] = useState(false);
  const [settingDue, setSettingDue] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const key = ['supervision', 'status', orgId, year, period];
  const q = useQuery({ queryKey: key, queryFn: () => supervisionApi.status(orgId as string, year, period), enabled: !!orgId });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['supervision'] });
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await fn();
      setMessage({ type: 'success', text: done });
      reload();
    } catch (e) {
      setMessage({ type: 'error', text: errorMessage(e) });
    }
  };
  const endAssignment = (row: Row) =>
    act(async () => {
      const area = (await supervisionApi.areas({ orgId })).items.find((a) => a.id === row.areaId);
      if (area) await supervisionApi.updateArea(area.id, { toDate: todayIso(), version: area.version });
    }, `Đã kết thúc phân công của đồng chí ${row.holderName} từ hôm nay.`);
  const s = q.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <div style={{ width: 360 }}>
          <OrgPicker
            value={orgId}
            onChange={setOrgId}
            placeholder="Chọn cấp ủy (đảng bộ)"
            aria-label="Cấp ủy"
            data-testid="supervision-org"
          />
        </div>
        <InputNumber min={2000} max={2199} value={year} onChange={(v) => v && setYear(v)} aria-label="Năm" data-testid="supervision-year" />
        <Select
          value={period}
          onChange={setPeriod}
          style={{ width: 190 }}
          aria-label="Kỳ báo cáo"
          data-testid="supervision-period"
          options={SUPERVISION_PERIODS.map((p) => ({ value: p, label: SUPERVISION_PERIOD_LABELS[p] }))}
        />
      </Space>
      {message && <Alert type={message.type} showIcon title={message.text} closable onClose={() => setMessage(null)} />}
      {!orgId && <Alert type="info" showIcon title="Chọn cấp ủy để xem tình hình gửi báo cáo giám sát thường xuyên của cấp ủy viên." />}
      {q.error && <QueryError error={q.error} />}
      {s && (
        <Card title={`${s.org.name}: báo cáo ${SUPERVISION_PERIOD_LABELS[s.period].toLowerCase()} ${s.year}`}>
          <div style={{ marginBottom: 12 }}>
            <Space wrap>
              {canWrite && (
                <Button onClick={() => setAssigning(true)} data-testid="supervision-assign">
                  Phân công địa bàn
                </Button>
              )}
              {canWrite && (
                <Button onClick={() => setSettingDue(true)} data-testid="supervision-due-settings">
                  Hạn gửi báo cáo
                </Button>
              )}
              <Button
                onClick={() => act(() => supervisionApi.downloadCompiled(s.org.id, s.year, s.period), 'Đã tải báo cáo tổng hợp.')}
                data-testid="supervision-download"
              >
                Tải báo cáo tổng hợp
              </Button>
              {canWrite && !s.compilation && (
                <Popconfirm
                  title="Chốt tổng hợp kỳ này?"
                  description="Sau khi chốt, cấp ủy viên không gửi hoặc sửa báo cáo của kỳ này được nữa."
                  okText="Chốt"
                  cancelText="Hủy"
                  onConfirm={() => act(() => supervisionApi.compile(s.org.id, s.year, s.period), 'Đã chốt tổng hợp.')}
                >
                  <Button type="primary" data-testid="supervision-compile">
                    Chốt tổng hợp
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </div>
          <Typography.Paragraph type="secondary">
            Kỳ báo cáo từ {formatDate(s.periodStart)} đến {formatDate(s.periodEnd)}; nhận báo cáo từ {formatDate(s.opensOn)}; hạn gửi{' '}
            {formatDate(s.dueOn)} (tính theo ngày làm việc sau khi hết kỳ; cấp ủy có thể đặt hạn riêng). Đã gửi{' '}
            {formatNumber(s.counts.on_time + s.counts.late)}, chưa gửi quá hạn {formatNumber(s.counts.missing)}.
            {s.compilation &&
              ` Đã chốt tổng hợp lúc ${formatDateTime(s.compilation.compiledAt)}${s.compilation.compiledByName ? ` (${s.compilation.compiledByName})` : ''}.`}
          </Typography.Paragraph>
          <Table<Row>
            rowKey="areaId"
            size="small"
            pagination={false}
            dataSource={s.rows}
            data-testid="supervision-status-table"
            locale={{ emptyText: 'Chưa phân công địa bàn giám sát cho cấp ủy viên nào trong kỳ này.' }}
            columns={[
              { title: 'Cấp ủy viên', dataIndex: 'holderName' },
              { title: 'Địa bàn', dataIndex: 'area' },
              { title: 'Lĩnh vực', dataIndex: 'fields', render: (f: string[]) => f.join('; ') },
              {
                title: 'Tình trạng',
                dataIndex: 'status',
                render: (st: ReportStatus, row) => (
                  <Space size={4} wrap>
                    <Tag color={STATUS_COLORS[st]} data-testid={`supervision-status-${st}`}>
                      {REPORT_STATUS_LABELS[st]}
                    </Tag>
                    {row.report?.signsOfViolation && <Tag color="volcano">Có dấu hiệu vi phạm</Tag>}
                    {!row.userId && (
                      <Tag title="Cấp ủy viên chưa có tài khoản nên không gửi báo cáo trên hệ thống được">Chưa liên kết tài khoản</Tag>
                    )}
                  </Space>
                ),
              },
              {
                title: '',
                key: 'actions',
                render: (_: unknown, row) => (
                  <Space size={4}>
                    {row.report && (
                      <Button size="small" onClick={() => setViewing(row.report?.id ?? null)}>
                        Xem
                      </Button>
                    )}
                    {canWrite && !row.toDate && (
                      <Popconfirm
                        title={`Kết thúc phân công của đồng chí ${row.holderName} từ hôm nay?`}
                        okText="Kết thúc"
                        cancelText="Hủy"
                        onConfirm={() => endAssignment(row)}
                      >
                        <Button size="small" danger>
                          Kết thúc
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      {assigning && s && (
        <AssignAreaModal
          bodyOrgId={s.org.id}
          bodyOrgName={s.org.name}
          onClose={() => setAssigning(false)}
          onSaved={(a) => {
            setAssigning(false);
            setMessage({ type: 'success', text: `Đã phân công địa bàn cho đồng chí ${a.holderName}.` });
            reload();
          }}
        />
      )}
      {settingDue && s && (
        <DueSettingsModal
          orgId={s.org.id}
          orgName={s.org.name}
          onClose={() => setSettingDue(false)}
          onSaved={() => {
            setSettingDue(false);
            setMessage({ type: 'success', text: 'Đã lưu hạn gửi báo cáo của cấp ủy.' });
            reload();
          }}
        />
      )}
      {viewing && <ReportViewModal reportId={viewing} onClose={() => setViewing(null)} />}
    </Space>
  );
}
