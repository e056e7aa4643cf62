// One row per sub-unit (and the unit's own members): how many members, and how many lack a CCCD or a
// birth date, have no sitting secretary, or were not updated for long. A count opens its members.
import { Button, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { ORG_KIND_LABELS } from '../../../../common/orgs.ts';
import type { QualityFigures, QualityIssue, QualityRow, QualitySummary } from '../../../../common/quality.ts';
import { formatNumber } from '../../i18n/format.ts';

interface Props {
  summary: QualitySummary;
  onIssue: (orgId: string, orgName: string, issue: QualityIssue) => void;
  onDrill: (orgId: string) => void;
}

const TOTAL_KEY = 'total';

/** A count of units (not of members): it links to the unit, where its secretary and members are seen. */
function unitCount(n: number, r: QualityRow) {
  if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  if (r.orgId === TOTAL_KEY) return <strong>{formatNumber(n)}</strong>;
  return (
    <Link to={`/to-chuc/${r.orgId}`} style={{ color: '#cf1322' }}>
      {formatNumber(n)}
    </Link>
  );
}

export function QualitySummaryTable({ summary, onIssue, onDrill }: Props) {
  const count = (issue: QualityIssue | null, field: keyof QualityFigures) => (n: number, r: QualityRow) => {
    if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
    const text = formatNumber(n);
    if (!issue || r.orgId === TOTAL_KEY) return <strong>{text}</strong>;
    return (
      <Button
        type="link"
        danger
        size="small"
        style={{ padding: 0 }}
        onClick={() => onIssue(r.orgId, r.name, issue)}
        data-testid={`quality-${field}`}
      >
        {text}
      </Button>
    );
  };
  const totalRow: QualityRow = {
    ...summary.total,
    orgId: TOTAL_KEY,
    code: '',
    name: 'Tổng cộng',
    kind: 'cell',
    childCount: 0,
    validTo: null,
    self: false,
  };
  return (
    <Table<QualityRow>
      rowKey={(r) => `${r.orgId}:${r.self}`}
      size="small"
      dataSource={[...summary.rows, totalRow]}
      pagination={false}
      scroll={{ x: 980 }}
      data-testid="quality-table"
      rowClassName={(r) => (r.orgId === TOTAL_KEY ? 'ant-table-row-selected' : '')}
      columns={[
        {
          title: 'Tổ chức',
          dataIndex: 'name',
          width: 280,
          render: (n: string, r) =>
            r.orgId === TOTAL_KEY ? (
              <strong>{n}</strong>
            ) : r.self ? (
              <span>
                {n} <Typography.Text type="secondary">(đảng viên sinh hoạt trực tiếp)</Typography.Text>
              </span>
            ) : (
              <span>
                {r.childCount > 0 ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                    onClick={() => onDrill(r.orgId)}
                  >
                    {n}
                  </Button>
                ) : (
                  <Link to={`/to-chuc/${r.orgId}`}>{n}</Link>
                )}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ORG_KIND_LABELS[r.kind]}
                </Typography.Text>
              </span>
            ),
        },
        {
          title: 'Đảng viên',
          dataIndex: 'members',
          width: 100,
          align: 'right',
          render: (n: number, r) =>
            r.orgId === TOTAL_KEY ? <strong>{formatNumber(n)}</strong> : <Link to={`/dang-vien?orgId=${r.orgId}`}>{formatNumber(n)}</Link>,
        },
        { title: 'Thiếu CCCD', dataIndex: 'missingCccd', width: 110, align: 'right', render: count('missing_cccd', 'missingCccd') },
        {
          title: 'Thiếu ngày sinh',
          dataIndex: 'missingBirthDate',
          width: 120,
          align: 'right',
          render: count('missing_birth_date', 'missingBirthDate'),
        },
        {
          title: 'Chi bộ, đảng bộ chưa có bí thư',
          dataIndex: 'withoutSecretary',
          width: 150,
          align: 'right',
          render: unitCount,
        },
        {
          title: 'Chi bộ dưới 3 đảng viên chính thức',
          dataIndex: 'tooFewFullMembers',
          width: 150,
          align: 'right',
          render: unitCount,
        },
        {
          title: `Lâu chưa cập nhật (trên ${summary.staleMonths} tháng)`,
          dataIndex: 'stale',
          width: 150,
          align: 'right',
          render: count('stale', 'stale'),
        },
        { title: 'Nhóm nghi trùng', dataIndex: 'duplicateGroups', width: 110, align: 'right', render: count(null, 'duplicateGroups') },
      ]}
    />
  );
}
