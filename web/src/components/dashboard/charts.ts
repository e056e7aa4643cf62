// Chart options of the inspection dashboard: coverage against the 10 % target line, planned against
// done, cases by step.
import type { CoverageView, DashboardView, IndicatorView } from '../../../../common/coverage.ts';
import type { ChartOption } from './EChart.tsx';
import { formatShare } from './format.ts';

const pct = (i: IndicatorView) => (i.share === null ? 0 : Math.round(i.share * 1000) / 10);
const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** Organisations, members and cell leaders covered, in per cent, with the target as a line. */
export function coverageOption(c: CoverageView): ChartOption {
  const rows = [
    { name: 'Tổ chức đảng', ind: c.orgsCovered },
    { name: 'Đảng viên', ind: c.membersCovered },
    { name: 'Bí thư, phó bí thư chi bộ', ind: c.leadersThematic },
  ];
  const target = c.membersCovered.target;
  return {
    grid: { left: 48, right: 24, top: 32, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (params as { dataIndex: number }[])[0];
        const r = p ? rows[p.dataIndex] : undefined;
        return r ? `${r.name}: ${formatShare(r.ind.share)} (${vi.format(r.ind.numerator)}/${vi.format(r.ind.denominator)})` : '';
      },
    },
    // Every category named (ECharts would otherwise skip one when labels are long), wrapped if need be.
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', max: (v: { max: number }) => Math.max(20, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value} %' } },
    series: [
      {
        type: 'bar',
        name: 'Đã kiểm tra, giám sát',
        barMaxWidth: 56,
        data: rows.map((r) => ({ value: pct(r.ind), itemStyle: { color: r.ind.met === false ? '#d4380d' : '#389e0d' } })),
        label: { show: true, position: 'top', formatter: (p: { value: unknown }) => `${vi.format(Number(p.value))} %` },
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#1677ff' },
          label: { formatter: `Chỉ tiêu ${vi.format(target)} %`, position: 'insideEndTop' },
          data: [{ yAxis: target }],
        },
      },
    ],
  };
}

/** Planned items of the year: done against not yet done. */
export function planOption(c: CoverageView): ChartOption {
  const p = c.planDone;
  return {
    grid: { left: 120, right: 24, top: 24, bottom: 24 },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ['Theo kế hoạch'] },
    series: [
      { type: 'bar', stack: 'plan', name: 'Đã thực hiện', data: [p.done], itemStyle: { color: '#389e0d' } },
      { type: 'bar', stack: 'plan', name: 'Chưa thực hiện', data: [p.planned - p.done], itemStyle: { color: '#faad14' } },
    ],
  };
}

/** Cases of the subtree by the step they are at. */
export function stepsOption(d: DashboardView): ChartOption {
  return {
    grid: { left: 200, right: 32, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: d.cases.byStep.map((s) => s.label) },
    series: [{ type: 'bar', name: 'Số cuộc', data: d.cases.byStep.map((s) => s.count), label: { show: true, position: 'right' } }],
  };
}
