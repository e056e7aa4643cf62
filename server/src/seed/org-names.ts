// Names of party organisations below a commune, as they are really written: residential cells by
// hamlet or street group, cells of schools, the health station, the police and military of the commune,
// and grassroots committees of agencies and companies with their own cells.
import type { Rng } from './prng.ts';

/** "Phường Thành Vinh" → "Thành Vinh"; "Xã Nghi Lộc" → "Nghi Lộc". */
export function placeName(communeName: string): string {
  return communeName.replace(/^Đảng bộ\s+/i, '').replace(/^(phường|xã|đặc khu|thị trấn)\s+/i, '');
}

/** "phường" or "xã" (how a cell of the commune's own bodies is named: "Chi bộ Trạm Y tế xã"). */
export function communeWord(communeName: string): string {
  const m = /^(?:Đảng bộ\s+)?(phường|xã|đặc khu)/i.exec(communeName);
  return (m?.[1] ?? 'xã').toLocaleLowerCase('vi');
}

/** Residential cells: "Chi bộ khối 3" in wards, "Chi bộ xóm 5" / "thôn" / "ấp" / "bản" in communes. */
export function residentialName(rng: Rng, communeName: string, n: number, provinceCode: string): string {
  const ward = communeWord(communeName) === 'phường';
  if (ward) return Number(provinceCode) === 40 ? `Chi bộ khối ${n}` : `Chi bộ tổ dân phố số ${n}`;
  if (Number(provinceCode) >= 80) return `Chi bộ ấp ${n}`;
  if (['11', '12', '14', '04'].includes(provinceCode) && rng.chance(0.5)) return `Chi bộ bản ${n}`;
  return Number(provinceCode) === 40 || Number(provinceCode) === 42 ? `Chi bộ xóm ${n}` : `Chi bộ thôn ${n}`;
}

/** Cells of the commune's own bodies and schools, in a realistic order (not every commune has all). */
export function institutionNames(communeName: string): string[] {
  const place = placeName(communeName);
  const word = communeWord(communeName);
  return [
    `Chi bộ Trường Tiểu học ${place}`,
    `Chi bộ Trường Trung học cơ sở ${place}`,
    `Chi bộ Trường Mầm non ${place}`,
    `Chi bộ Trạm Y tế ${word}`,
    `Chi bộ Công an ${word}`,
    `Chi bộ Quân sự ${word}`,
    `Chi bộ Hợp tác xã Nông nghiệp ${place}`,
    `Chi bộ Quỹ tín dụng nhân dân ${place}`,
  ];
}

const COMPANY_WORDS = [
  'Thành Đạt',
  'Hưng Thịnh',
  'Sông Lam',
  'Hồng Lam',
  'Bắc Trung Bộ',
  'Phú Cường',
  'Trường Sơn',
  'Tân Thành',
  'Đại Việt',
];
const COMPANY_TRADES = ['Xây dựng', 'Cấp nước', 'Môi trường đô thị', 'Vận tải', 'May mặc', 'Chế biến nông sản', 'Điện lực', 'Thương mại'];

export interface GrassrootsPlan {
  name: string;
  /** Names of the cells under it (chi bộ trực thuộc). */
  cells: string[];
}

/** A grassroots committee (đảng bộ cơ sở) of the commune's agencies, or of a company, with its cells. */
export function grassrootsPlan(rng: Rng, communeName: string, index: number): GrassrootsPlan {
  const place = placeName(communeName);
  const word = communeWord(communeName);
  if (index === 0) {
    return {
      name: `Đảng bộ Cơ quan Ủy ban nhân dân ${word} ${place}`,
      cells: [
        'Chi bộ Văn phòng',
        'Chi bộ Phòng Kinh tế',
        'Chi bộ Phòng Văn hóa - Xã hội',
        'Chi bộ Trung tâm Phục vụ hành chính công',
      ].slice(0, rng.int(3, 4)),
    };
  }
  const trade = rng.pick(COMPANY_TRADES);
  const company = `Công ty Cổ phần ${trade} ${rng.pick(COMPANY_WORDS)}`;
  const cells = [
    'Chi bộ Văn phòng công ty',
    'Chi bộ Phòng Kế toán - Tài vụ',
    'Chi bộ Phân xưởng 1',
    'Chi bộ Phân xưởng 2',
    'Chi bộ Đội thi công số 1',
  ];
  return { name: `Đảng bộ ${company}`, cells: cells.slice(0, rng.int(3, 5)) };
}
