// Citizen identity number (CCCD, 12 digits), structure by Thông tư 59/2021/TT-BCA, Điều 7:
// 3 digits for the province of birth registration, 1 digit for gender and century of birth,
// 2 digits for the year of birth, 6 random digits.

/** Province codes of birth registration (the 63 provinces before 2025; they stay valid on issued cards). */
export const CCCD_PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

export type Gender = 'male' | 'female';

/** Normalises user input: spaces and dots removed. */
export function normaliseCccd(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/**
 * Returns a Vietnamese reason the number is not a valid CCCD, or null. When the birth date or the
 * gender is known, the gender-and-century digit and the year digits must agree with them.
 */
export function cccdProblem(raw: string, birthDate?: string | null, gender?: Gender | null): string | null {
  const v = normaliseCccd(raw);
  if (!/^\d{12}$/.test(v)) return 'Số CCCD phải gồm đúng 12 chữ số.';
  if (!CCCD_PROVINCE_CODES.has(v.slice(0, 3))) return `Mã tỉnh nơi đăng ký khai sinh "${v.slice(0, 3)}" trong số CCCD không tồn tại.`;
  const genderCentury = Number(v[3]);
  const centuryStart = 1900 + Math.floor(genderCentury / 2) * 100;
  const cardGender: Gender = genderCentury % 2 === 0 ? 'male' : 'female';
  if (centuryStart > 2300) return 'Chữ số thứ tư của số CCCD (giới tính, thế kỷ sinh) không hợp lệ.';
  if (gender && gender !== cardGender) return 'Giới tính không khớp với chữ số thứ tư của số CCCD.';
  if (birthDate) {
    const year = Number(birthDate.slice(0, 4));
    if (year !== centuryStart + Number(v.slice(4, 6))) return 'Năm sinh không khớp với số CCCD (chữ số thứ 4 đến 6).';
  }
  return null;
}

/** "••••••••1234": what lists and profiles show. */
export function maskCccd(last4: string | null): string | null {
  return last4 ? `••••••••${last4}` : null;
}
