// The working calendar every deadline uses: holidays computed by the Labour Code and the official
// schedule recorded by an administrator, which wins.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { CALENDAR_DAY_LABELS, type CalendarYear } from '../../../common/calendar.ts';
import { calendarApi } from '../api/calendar.ts';
import { CalendarRecordModal } from '../components/CalendarRecordModal.tsx';
import { CONFLICT_MESSAGE } from '../components/formErrors.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate } from '../i18n/format.ts';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];

export function CalendarPage() {
  const me = useSession();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['calendar', year], queryFn: () => calendarApi.year(year) });
  const canWrite = hasPermission(me, 'calendar.write');
  const saved = (y: CalendarYear) => {
    queryClient.setQueryData(['calendar', y.year], y);
    setEditing(false);
    setNotice(`Đã ghi nhận lịch nghỉ chính thức năm ${y.year}.`);
  };
  return (
    <>
      <PageHeader
        title="Lịch làm việc"
        description="Các hạn tính theo ngày làm việc bỏ qua thứ Bảy, Chủ nhật, ngày lễ, Tết và ngày nghỉ bù. Lịch do quản trị viên ghi nhận theo thông báo của Chính phủ được ưu tiên hơn lịch tính theo Bộ luật Lao động."
        extra={
          <Space>
            <InputNumber
              min={1900}
              max={2199}
              value={year}
              onChange={(v) => v && setYear(v)}
              aria-label="Năm"
              data-testid="calendar-year"
            />
            {canWrite && q.data && (
              <Button type="primary" onClick={() => setEditing(true)} data-testid="calendar-record">
                Ghi nhận lịch chính thức
              </Button>
            )}
          </Space>
        }
      />
      {notice && <Alert type="success" showIcon title={notice} closable onClose={() => setNotice(null)} style={{ marginBottom: 16 }} />}
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <Card>
          {q.data && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={
                q.data.recorded
                  ? `Đã ghi nhận lịch chính thức${q.data.decisionNo ? ` (${q.data.decisionNo})` : ''}${q.data.replacesDefaults ? ', thay toàn bộ ngày nghỉ tính theo luật' : ''}.`
                  : 'Chưa ghi nhận lịch chính thức: đang dùng các ngày nghỉ tính theo Bộ luật Lao động 2019, Điều 112.'
              }
            />
          )}
          <Table
            rowKey="date"
            loading={q.isPending}
            dataSource={q.data?.days ?? []}
            pagination={false}
            size="small"
            data-testid="calendar-table"
            columns={[
              { title: 'Ngày', dataIndex: 'date', render: (d: string) => formatDate(d), width: 130 },
              { title: 'Thứ', dataIndex: 'date', key: 'weekday', render: weekday, width: 110 },
              { title: 'Loại', dataIndex: 'kind', render: (k: keyof typeof CALENDAR_DAY_LABELS) => CALENDAR_DAY_LABELS[k], width: 200 },
              { title: 'Tên', dataIndex: 'name' },
              {
                title: 'Nguồn',
                dataIndex: 'source',
                width: 170,
                render: (s: string) => (s === 'recorded' ? <Tag color="blue">Theo thông báo</Tag> : <Tag>Tính theo luật</Tag>),
              },
            ]}
          />
        </Card>
      )}
      {editing && q.data && (
        <CalendarRecordModal
          current={q.data}
          onClose={() => setEditing(false)}
          onSaved={saved}
          onConflict={() => {
            setNotice(CONFLICT_MESSAGE);
            setEditing(false);
            void q.refetch();
          }}
        />
      )}
    </>
  );
}
