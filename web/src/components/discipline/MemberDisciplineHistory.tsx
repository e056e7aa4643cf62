// The member's discipline on their profile (issue #5 point 4): decisions with their number, body and
// dates, the effects still running, and "đang xem xét kỷ luật" while a matter is open (the registry then
// refuses transfers, appointments and promotions). Shown only to readers of discipline.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag } from 'antd';
import { disciplineApi, type MemberDiscipline } from '../../api/discipline.ts';
import { formatDate } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';
import { hasPermission, useSession } from '../session.tsx';
import { decisionStatusLabel, FormTag, formLabel } from './labels.tsx';

type Row = MemberDiscipline['decisions'][number];

export function MemberDisciplineHistory({ memberId }: { memberId: string }) {
  const me = useSession();
  const allowed = hasPermission(me, 'discipline.read');
  const q = useQuery({
    queryKey: ['discipline', 'member', memberId],
    queryFn: () => disciplineApi.memberHistory(memberId),
    enabled: allowed,
  });
  if (!allowed) return null;
  const h = q.data;
  const current = h?.decisions.filter((d) => d.current) ?? [];
  return (
    <Card
      title="Kỷ luật đảng"
      loading={q.isPending}
      data-testid="member-discipline"
      extra={
        h?.underConsideration && (
          <Tag color="orange" data-testid="member-under-discipline">
            Đang xem xét kỷ luật
          </Tag>
        )
      }
    >
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <>
          {h?.underConsideration && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="Đảng viên đang trong thời gian xem xét kỷ luật: không điều động, bổ nhiệm, đề bạt cho đến khi có kết luận."
            />
          )}
          {current.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={current
                .map(
                  (d) =>
                    `Đang chịu hình thức ${formLabel(d.form).toLocaleLowerCase('vi')}${d.effectEndsOn ? ` đến ngày ${formatDate(d.effectEndsOn)}` : ''}`,
                )
                .join('; ')}
            />
          )}
          <Table<Row>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={h?.decisions ?? []}
            locale={{ emptyText: 'Chưa bị kỷ luật.' }}
            columns={[
              {
                title: 'Hình thức',
                dataIndex: 'form',
                width: 130,
                // A complaint may have changed the form: the one in force, then the one first decided.
                render: (f: string, d) => (
                  <>
                    <FormTag form={f} />
                    {d.originalForm && <div style={{ fontSize: 12 }}>(ban đầu: {formLabel(d.originalForm).toLocaleLowerCase('vi')})</div>}
                  </>
                ),
              },
              { title: 'Số quyết định', dataIndex: 'numberText', render: (n: string | null) => n ?? '' },
              { title: 'Cơ quan quyết định', dataIndex: 'bodyOrgName' },
              { title: 'Ngày quyết định', dataIndex: 'decidedOn', width: 130, render: (d: string) => formatDate(d) },
              { title: 'Hiệu lực từ', dataIndex: 'effectiveOn', width: 110, render: (d: string | null) => formatDate(d) },
              {
                title: 'Tình trạng',
                dataIndex: 'status',
                width: 170,
                render: (s: string, d) => (
                  <>
                    <Tag color={d.current ? 'red' : 'default'}>{d.current ? 'Đang có hiệu lực' : decisionStatusLabel(s)}</Tag>
                    {!d.current && s === 'in_force' && d.effectEndsOn && <div>Hết hiệu lực {formatDate(d.effectEndsOn)}</div>}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
