// Realistic synthetic party members: name, gender (~60 % men), birth date (1945–2004, weighted to
// working ages), a CCCD consistent with both, a party card, admission after the 18th birthday and
// confirmation 12 months later (~3 % still probationary). A few records are left incomplete on purpose
// (~5 % without CCCD, ~2 % without birth date) so that the data-quality pages have something real.
import type { MemberRowInput } from '../modules/members/member-row.ts';
import type { IdentityAllocator } from './identity.ts';
import { type Rng, weighted } from './prng.ts';
import { type Gender, randomName } from './vn-names.ts';

/** "Today" for seed data, fixed so that the same seed gives the same data on any day. */
export const SEED_TODAY = '2026-01-01';
const TODAY_MS = Date.parse(SEED_TODAY);
const DAY_MS = 86_400_000;

export const SHARE_WITHOUT_CCCD = 0.05;
export const SHARE_WITHOUT_BIRTH_DATE = 0.02;
export const SHARE_PROBATIONARY = 0.03;

const BIRTH_YEAR = weighted(
  Array.from({ length: 2004 - 1945 + 1 }, (_, i) => {
    const y = 1945 + i;
    const w = y < 1956 ? 0.35 : y < 1966 ? 0.7 : y <= 1995 ? 1 : y <= 2000 ? 0.7 : 0.3;
    return [y, w] as const;
  }),
);

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(4);
  // 29 February of a non-leap year becomes 1 March.
  return md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-03-01` : `${y}${md}`;
}

export function randomDateInYear(rng: Rng, year: number): string {
  const start = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - start) / DAY_MS;
  return isoDay(start + rng.int(0, days - 1) * DAY_MS);
}

export interface Person extends MemberRowInput {
  gender: Gender;
  /** The birth year, even when the record's birth date is left empty. */
  birthYear: number;
  /** The full birth date, even when the record's birth date is left empty. */
  trueBirthDate: string;
}

export interface PersonOptions {
  /** Forces a full member (the first three of every cell, so that each cell is a valid chi bộ). */
  full?: boolean;
  gender?: Gender;
  /** Birth-year range, for people chosen for a post (a secretary is rarely 22). */
  minYear?: number;
  maxYear?: number;
}

function birthYear(rng: Rng, opts: PersonOptions): number {
  for (let i = 0; i < 20; i++) {
    const y = BIRTH_YEAR.draw(rng);
    if ((opts.minYear ?? 0) <= y && y <= (opts.maxYear ?? 9999)) return y;
  }
  return rng.int(opts.minYear ?? 1945, opts.maxYear ?? 2004);
}

export function randomPerson(rng: Rng, ids: IdentityAllocator, provinceCode: string, opts: PersonOptions = {}): Person {
  const gender: Gender = opts.gender ?? (rng.chance(0.6) ? 'male' : 'female');
  const year = birthYear(rng, opts);
  const birth = randomDateInYear(rng, year);
  const fullName = randomName(rng, gender, provinceCode);
  const probationary = !opts.full && rng.chance(SHARE_PROBATIONARY);
  // Most people join between 20 and 35: 18 years plus a skewed wait, bounded by what the calendar allows.
  const earliest = Date.parse(addYears(birth, 18)) + DAY_MS;
  const latest = probationary ? TODAY_MS - DAY_MS : TODAY_MS - 366 * DAY_MS;
  const lowest = probationary ? Math.max(earliest, TODAY_MS - 360 * DAY_MS) : earliest;
  const wait = Math.floor(-Math.log(1 - rng.next()) * 8 * 365) * DAY_MS;
  const admitted = isoDay(Math.min(latest, lowest + (probationary ? rng.int(0, 300) * DAY_MS : wait)));
  const cccd = rng.chance(SHARE_WITHOUT_CCCD) ? null : ids.cccd(ids.birthProvince(rng, provinceCode), year, gender);
  return {
    fullName,
    gender,
    birthDate: rng.chance(SHARE_WITHOUT_BIRTH_DATE) ? null : birth,
    birthYear: year,
    trueBirthDate: birth,
    cccd,
    partyCardNo: ids.partyCard(provinceCode),
    status: probationary ? 'probationary' : 'full',
    admittedOn: admitted,
    confirmedOn: probationary ? null : addYears(admitted, 1),
  };
}
