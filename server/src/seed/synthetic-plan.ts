// Where N synthetic members go: cells of about 25 members (10–40) under the communes of the chosen
// provinces, spread in proportion to a per-commune weight (wards a little heavier). Computed as a
// stream: only the communes (3,321) and one running sum are held, never the cells or the members.
import { institutionNames, residentialName } from './org-names.ts';
import { createRng } from './prng.ts';

export interface CommuneRow {
  id: string;
  code: string;
  name: string;
  path: string;
  province_code: string;
}

export interface CellPlan {
  commune: CommuneRow;
  /** 0-based position of the cell in its commune. */
  index: number;
  code: string;
  name: string;
  size: number;
}

export const MEAN_CELL = 25;

/** Code of a synthetic cell: `<commune>_M<slot>_<n>`; the slot keeps data sets of different seeds apart. */
export function syntheticCellCode(communeCode: string, slot: number, index: number): string {
  return `${communeCode}_M${String(slot).padStart(2, '0')}_${String(index + 1).padStart(4, '0')}`;
}

/** How many of `total` go to each weight, by cumulative rounding: the parts always add up to total. */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  let given = 0;
  return weights.map((w) => {
    acc += w;
    const upTo = Math.round((total * acc) / sum);
    const n = upTo - given;
    given = upTo;
    return n;
  });
}

export function* planCells(communes: readonly CommuneRow[], members: number, seed: number, slot: number): Generator<CellPlan> {
  if (communes.length === 0 || members <= 0) return;
  const rngC = createRng(seed, 'synthetic-communes');
  const weights = communes.map((c) => (/^Đảng bộ phường/i.test(c.name) ? 1.3 : 1) * (0.6 + 0.8 * rngC.next()));
  const cellCount = Math.max(1, Math.round(members / MEAN_CELL));
  const perCommune = apportion(weights, cellCount);
  // Cell sizes: weights 10–40 scaled so that they add up to exactly `members` (two passes of one stream).
  let total = 0;
  const pass1 = createRng(seed, 'synthetic-cells');
  for (let i = 0; i < cellCount; i++) total += pass1.int(10, 40);
  const sizes = createRng(seed, 'synthetic-cells');
  const names = createRng(seed, 'synthetic-names');
  let acc = 0;
  let given = 0;
  for (let c = 0; c < communes.length; c++) {
    const commune = communes[c] as CommuneRow;
    const n = perCommune[c] as number;
    const institutions = institutionNames(commune.name).slice(0, Math.min(6, Math.floor(n / 4)));
    for (let k = 0; k < n; k++) {
      acc += sizes.int(10, 40);
      const upTo = Math.round((members * acc) / total);
      const size = upTo - given;
      given = upTo;
      const name = institutions[k] ?? residentialName(names, commune.name, k - institutions.length + 1, commune.province_code);
      yield { commune, index: k, code: syntheticCellCode(commune.code, slot, k), name, size };
    }
  }
}
