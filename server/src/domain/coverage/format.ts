// Vietnamese number formatting for the texts this module produces ("1.650", "12,5 %"). Written out by
// hand rather than with Intl so the output does not depend on the ICU data the runtime ships with.

/** 1650 → "1.650"; 12.5 → "12,5"; at most `decimals` decimals, trailing zeros dropped. */
export function formatNumberVi(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [int = '0', frac = ''] = rounded.toFixed(decimals).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = frac.replace(/0+$/, '');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return `${sign}${grouped}${trimmed ? `,${trimmed}` : ''}`;
}

/** A share (0.125) as "12,5 %", with the space Vietnamese typography puts before the sign. */
export function formatShareVi(share: number, decimals = 1): string {
  return `${formatNumberVi(share * 100, decimals)} %`;
}

/** A per-cent figure (10) as "10 %". */
export function formatPercentVi(percent: number, decimals = 1): string {
  return `${formatNumberVi(percent, decimals)} %`;
}
