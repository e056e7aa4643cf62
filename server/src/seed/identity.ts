// Identity numbers for seed data: CCCDs that are valid for the person's birth date and gender and
// unique, and party card numbers that are unique. Uniqueness comes from counters, not from luck.
import { CCCD_PROVINCE_CODES } from '../../../common/cccd.ts';
import type { Rng } from './prng.ts';
import type { Gender } from './vn-names.ts';

/**
 * Provinces of 1/7/2025 (statistical code) → the provinces they were merged from, whose codes are the
 * province-of-birth codes printed on CCCDs (Nghị quyết 202/2025/QH15).
 */
export const BIRTH_PROVINCES: Record<string, readonly string[]> = {
  '01': ['001'],
  '04': ['004'],
  '08': ['008', '002'],
  '11': ['011'],
  '12': ['012'],
  '14': ['014'],
  '15': ['015', '010'],
  '19': ['019', '006'],
  '20': ['020'],
  '22': ['022'],
  '24': ['027', '024'],
  '25': ['025', '026', '017'],
  '31': ['031', '030'],
  '33': ['033', '034'],
  '37': ['037', '035', '036'],
  '38': ['038'],
  '40': ['040'],
  '42': ['042'],
  '44': ['045', '044'],
  '46': ['046'],
  '48': ['048', '049'],
  '51': ['051', '062'],
  '52': ['064', '052'],
  '56': ['056', '058'],
  '66': ['066', '054'],
  '68': ['068', '067', '060'],
  '75': ['075', '070'],
  '79': ['079', '074', '077'],
  '80': ['072', '080'],
  '82': ['087', '082'],
  '86': ['086', '083', '084'],
  '91': ['089', '091'],
  '92': ['092', '093', '094'],
  '96': ['096', '095'],
};
const ALL_BIRTH_CODES = [...CCCD_PROVINCE_CODES];

/**
 * The six-digit serial space (10^6 per province, gender-century and year) is cut into 16 slots of
 * 62,500: slot 0 for the demo profile, slots 1–15 for synthetic runs (by seed), so that data sets
 * loaded into the same database never collide.
 */
export const SLOT_SIZE = 62_500;
export const SLOT_COUNT = 16;
// A bijection of [0, SLOT_SIZE): multiplier coprime with 62,500 = 2^2 · 5^6.
const SCRAMBLE = 40_503;

export function slotForSeed(seed: number): number {
  return 1 + (Math.abs(Math.trunc(seed)) % (SLOT_COUNT - 1));
}

export class IdentityAllocator {
  readonly #slot: number;
  readonly #offset: number;
  readonly #serials = new Map<string, number>();
  readonly #cards = new Map<string, number>();

  constructor(slot: number, rng: Rng) {
    if (slot < 0 || slot >= SLOT_COUNT) throw new Error(`slot ${slot} out of range`);
    this.#slot = slot;
    this.#offset = rng.int(0, SLOT_SIZE - 1);
  }

  /** The province of birth: mostly one the member's province was merged from, sometimes anywhere. */
  birthProvince(rng: Rng, provinceCode: string): string {
    const own = BIRTH_PROVINCES[provinceCode];
    if (own && !rng.chance(0.12)) return own[rng.next() < 0.6 ? 0 : rng.int(0, own.length - 1)] as string;
    return rng.pick(ALL_BIRTH_CODES);
  }

  /** A CCCD valid for birthYear and gender (Thông tư 59/2021/TT-BCA, Điều 7), unique in this slot. */
  cccd(birthProvince: string, birthYear: number, gender: Gender): string {
    const century = Math.floor((birthYear - 1900) / 100);
    const digit = century * 2 + (gender === 'female' ? 1 : 0);
    const yy = String(birthYear % 100).padStart(2, '0');
    const key = `${birthProvince}${digit}${yy}`;
    const n = this.#serials.get(key) ?? 0;
    if (n >= SLOT_SIZE) throw new Error(`Hết số CCCD cho ${key} trong lô dữ liệu mẫu`);
    this.#serials.set(key, n + 1);
    const serial = this.#slot * SLOT_SIZE + ((n * SCRAMBLE + this.#offset) % SLOT_SIZE);
    return `${key}${String(serial).padStart(6, '0')}`;
  }

  /** Party card number: province, slot, then a counter ("40" "00" "0001234"). */
  partyCard(provinceCode: string): string {
    const n = (this.#cards.get(provinceCode) ?? 0) + 1;
    this.#cards.set(provinceCode, n);
    return `${provinceCode}${String(this.#slot).padStart(2, '0')}${String(n).padStart(7, '0')}`;
  }
}
