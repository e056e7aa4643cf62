// Names a compiled report needs in the Party's document format (domain.md §3): the committee above the
// issuing UBKT in the heading, and the place in the place-and-date line.

const UNIT_WORDS = ['thành phố', 'đặc khu', 'phường', 'tỉnh', 'xã'];

function split(orgName: string): { unit: string | null; place: string } {
  const rest = orgName.normalize('NFC').replace(/^Đảng bộ\s+/i, '');
  for (const w of UNIT_WORDS) if (rest.toLowerCase().startsWith(`${w} `)) return { unit: w, place: rest.slice(w.length + 1).trim() };
  return { unit: null, place: rest.trim() };
}

/** "Đảng bộ xã Đô Lương" → "Đô Lương"; "Đảng bộ tỉnh Nghệ An" → "Nghệ An". */
export function placeOf(orgName: string): string {
  return split(orgName).place;
}

/** The party committee of the organisation: "Tỉnh ủy Nghệ An", "Thành ủy Hà Nội", "Đảng ủy xã Đô Lương". */
export function committeeName(orgName: string): string {
  const { unit, place } = split(orgName);
  if (unit === 'tỉnh') return `Tỉnh ủy ${place}`;
  if (unit === 'thành phố') return `Thành ủy ${place}`;
  if (unit) return `Đảng ủy ${unit} ${place}`;
  return `Đảng ủy ${place}`;
}

/** The committee as a document heading names it, in capitals: "TỈNH ỦY NGHỆ AN", "ĐẢNG ỦY XÃ ĐÔ LƯƠNG". */
export function committeeHeading(orgName: string): string {
  return committeeName(orgName).toLocaleUpperCase('vi');
}
