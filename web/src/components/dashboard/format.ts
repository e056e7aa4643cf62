// Figures the Vietnamese way: "1.650", "12,5 %".
const share = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A share (0.125) as "12,5 %"; "—" when nothing is there to count. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : `${share.format(value * 100)} %`;
}
