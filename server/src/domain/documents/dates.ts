// Dates as Party documents write them (Hướng dẫn 36-HD/VPTW of the Central Party Office, 2018): the
// place-and-date line "Đô Lương, ngày 05 tháng 01 năm 2026" puts a zero before a day below 10 and before
// months 1 and 2 only (its own examples: "ngày 03 tháng 4 năm 2018", "ngày 20 tháng 02 năm 2018").

function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ngày không hợp lệ: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** "ngày 05 tháng 01 năm 2026", "ngày 11 tháng 11 năm 2025". */
export function longDate(iso: string): string {
  const [y, m, d] = parts(iso);
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** The place-and-date line under "ĐẢNG CỘNG SẢN VIỆT NAM". */
export function dateLine(place: string, iso: string): string {
  return `${place}, ${longDate(iso)}`;
}

/** Dates inside the body text: dd/mm/yyyy. */
export function shortDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}
