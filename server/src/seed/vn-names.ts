// Vietnamese personal names with realistic frequencies, for seed data. Family-name shares follow the
// usual national estimates (Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 %, …); the south writes Huỳnh and Võ
// where the north writes Hoàng and Vũ. All strings are NFC.
import { type Rng, type Weighted, weighted, zipf } from './prng.ts';

export type Gender = 'male' | 'female';

const FAMILY_COMMON: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Phan', 4.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trương', 0.7],
  ['Đào', 0.6],
  ['Đoàn', 0.6],
  ['Mai', 0.5],
  ['Lương', 0.4],
  ['Cao', 0.4],
  ['Hà', 0.4],
  ['Trịnh', 0.4],
  ['Lâm', 0.3],
  ['Tạ', 0.2],
  ['Chu', 0.2],
  ['Phùng', 0.2],
  ['Thái', 0.2],
  ['Kiều', 0.1],
  ['Quách', 0.1],
  ['Tô', 0.1],
  ['Lại', 0.1],
  ['Hứa', 0.1],
  ['Nông', 0.1],
  ['Lò', 0.1],
  ['Vi', 0.05],
];
const NORTH = weighted([...FAMILY_COMMON, ['Hoàng', 5.1], ['Vũ', 5.4], ['Huỳnh', 0.3], ['Võ', 0.5]]);
const SOUTH = weighted([...FAMILY_COMMON, ['Hoàng', 1.2], ['Vũ', 1], ['Huỳnh', 4.2], ['Võ', 4.9]]);

const MIDDLE: Record<Gender, Weighted<string>> = {
  male: weighted([
    ['Văn', 30],
    ['Đức', 7],
    ['Hữu', 6],
    ['Minh', 6],
    ['Quang', 5],
    ['Công', 4],
    ['Xuân', 4],
    ['Thanh', 4],
    ['Đình', 4],
    ['Ngọc', 3],
    ['Trọng', 3],
    ['Quốc', 3],
    ['Mạnh', 2],
    ['Tuấn', 2],
    ['Anh', 2],
    ['Việt', 2],
    ['Duy', 2],
    ['Tiến', 2],
    ['Bá', 2],
    ['Thế', 2],
    ['Khắc', 1],
    ['Viết', 1],
    ['Sỹ', 1],
    ['Hoàng', 1],
    ['Trung', 1],
  ]),
  female: weighted([
    ['Thị', 45],
    ['Ngọc', 6],
    ['Thu', 5],
    ['Thanh', 5],
    ['Kim', 4],
    ['Minh', 3],
    ['Hồng', 3],
    ['Thúy', 3],
    ['Phương', 3],
    ['Bích', 2],
    ['Thùy', 2],
    ['Mai', 2],
    ['Hoài', 2],
    ['Diệu', 1],
    ['Khánh', 1],
    ['Bảo', 1],
    ['Quỳnh', 1],
    ['Hải', 1],
    ['Lan', 1],
  ]),
};

const GIVEN: Record<Gender, Weighted<string>> = {
  male: zipf(
    (
      'Hùng Dũng Tuấn Minh Hải Nam Cường Thắng Long Sơn Quân Đức Trung Hưng Tùng Phong Bình Hiếu Thành Tâm ' +
      'Khoa Tú Lâm Hoàng Vinh Toàn Quang Hòa Hiệp Lợi Tài Đạt Hậu Kiên Lực Thịnh Chiến Công Duy Việt Anh Huy ' +
      'Phúc Tiến Khánh Thuận Nghĩa Định Luân Trí Tín Bảo Đông Sáng Thông Tuyên Hoan Lộc Thạch Châu Vũ Quyết'
    ).split(' '),
  ),
  female: zipf(
    (
      'Hoa Lan Hương Hà Thảo Trang Linh Hằng Nga Ngọc Mai Anh Hạnh Nhung Oanh Thủy Vân Yến Loan Huyền ' +
      'Phương Thu Dung Hiền Hồng Liên Nhàn Quyên Tâm Thư Uyên Vy Xuân Giang Lý Thơm Hòa Châu Diệp Ly Nhi ' +
      'Quỳnh Trâm Tuyết Hảo Lụa Sen Cúc Đào Huệ Lê Thanh Hiên'
    ).split(' '),
  ),
};

/** Provinces (2025 codes) from Đà Nẵng southwards write the southern family names. */
export function isSouth(provinceCode: string): boolean {
  return Number(provinceCode) >= 48;
}

export function randomName(rng: Rng, gender: Gender, provinceCode: string): string {
  const family = (isSouth(provinceCode) ? SOUTH : NORTH).draw(rng);
  const middle = MIDDLE[gender].draw(rng);
  let given = GIVEN[gender].draw(rng);
  if (given === middle) given = GIVEN[gender].draw(rng);
  // About one person in twelve has two middle names (Nguyễn Thị Thu Hà, Trần Văn Minh Đức).
  if (rng.chance(0.08)) {
    const second = MIDDLE[gender].draw(rng);
    if (second !== middle && second !== given && second !== 'Văn' && second !== 'Thị') return `${family} ${middle} ${second} ${given}`;
  }
  return `${family} ${middle} ${given}`;
}
