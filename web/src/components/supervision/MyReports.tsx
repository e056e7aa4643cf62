// For a committee member: the areas and fields assigned to them, and the report form of each period.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, InputNumber, Space, Tabs } from 'antd';
import { useState } from 'react';
import { SUPERVISION_PERIODS, type SupervisionArea, type SupervisionReport } from '../../../../common/supervision.ts';
import { supervisionApi } from '../../api/supervision.ts';
import { formatDate } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';
import { ReportForm } from './ReportForm.tsx';

function AreaReports({ area, year }: { area: SupervisionArea; year: number }) {
  const queryClient = useQueryClient();
  const key = ['supervision', 'area-reports', area.id, year];
  const q = useQuery({ queryKey: key, queryFn: () => supervisionApi.areaReports(area.id, year) });
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey: key });
  const saved = (r: SupervisionReport) => {
    // The form remounts with the saved version: the confirmation lives here, above it.
    setNotice(r.late ? 'Đã gửi báo cáo (sau hạn: ghi nhận gửi muộn).' : 'Đã gửi báo cáo.');
    reload();
  };
  if (q.error) return <QueryError error={q.error} />;
  if (!q.data) return null;
  return (
    <>
      {notice && <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(null)} data-testid="supervision-saved" />}
      <Tabs
        items={SUPERVISION_PERIODS.map((period) => {
          const current = q.data.items.find((r) => r.period === period) ?? null;
          return {
            key: period,
            label: period === 'half' ? '6 tháng đầu năm' : 'Cả năm',
            children: (
              // Keyed by version so that a saved or reloaded report refills the form.
              <ReportForm
                key={`${period}-${current?.version ?? 0}`}
                areaId={area.id}
                year={year}
                period={period}
                current={current}
                onSaved={saved}
                onConflict={reload}
              />
            ),
          };
        })}
      />
    </>
  );
}

export function MyReports() {
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useQuery({ queryKey: ['supervision', 'areas', 'mine'], queryFn: () => supervisionApi.areas({ mine: true }) });
  if (q.error) return <QueryError error={q.error} />;
  const areas = q.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Space>
        Năm báo cáo
        <InputNumber
          min={2000}
          max={2199}
          value={year}
          onChange={(v) => v && setYear(v)}
          aria-label="Năm báo cáo"
          data-testid="supervision-my-year"
        />
      </Space>
      {q.data && areas.length === 0 && <Empty description="Bạn chưa được phân công địa bàn, lĩnh vực giám sát." />}
      {areas.map((a) => (
        <Card key={a.id} title={`${a.bodyOrgName}: ${a.area}`} loading={q.isPending}>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="Lĩnh vực">{a.fields.join('; ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="Tổ chức trong địa bàn">{a.subjectOrgs.map((o) => o.name).join('; ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="Thời gian phân công">
              Từ {formatDate(a.fromDate)}
              {a.toDate ? ` đến ${formatDate(a.toDate)}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <AreaReports area={a} year={year} />
        </Card>
      ))}
    </Space>
  );
}
