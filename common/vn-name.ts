// Vietnamese personal names: family name first, given name last. Lists are ordered by given name,
// then middle, then family name, in the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q
// r s t u ư v x y) with tones as the tie-breaker (none, huyền, hỏi, ngã, sắc, nặng).

const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
// Letters whose diacritic is part of the letter, not a tone.
const BASE: Record<string, string> = { 'a\u0306': 'ă', 'a\u0302': 'â', 'e\u0302': 'ê', 'o\u0302': 'ô', 'o\u031b': 'ơ', 'u\u031b': 'ư' };

export interface NameParts {
  family: string;
  middle: string;
  given: string;
}

export function normaliseName(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function splitName(fullName: string): NameParts {
  const words = normaliseName(fullName).split(' ').filter(Boolean);
  if (words.length === 1) return { family: '', middle: '', given: words[0] ?? '' };
  return { family: words[0] ?? '', middle: words.slice(1, -1).join(' '), given: words.at(-1) ?? '' };
}

/** Letters as base letters of the Vietnamese alphabet, and the tones apart. */
function decompose(word: string): { letters: string[]; tones: number[] } {
  const letters: string[] = [];
  const tones: number[] = [];
  for (const ch of word.toLowerCase().normalize('NFD')) {
    const tone = TONES[ch];
    if (tone !== undefined) {
      tones[tones.length - 1] = tone;
      continue;
    }
    const last = letters.at(-1);
    const combined = last !== undefined ? BASE[last + ch] : undefined;
    if (combined) {
      letters[letters.length - 1] = combined;
      continue;
    }
    if (/\p{M}/u.test(ch)) continue;
    letters.push(ch === 'đ' ? 'đ' : ch);
    tones.push(0);
  }
  return { letters, tones };
}

function letterKey(ch: string): string {
  const i = ALPHABET.indexOf(ch);
  // Letters of the alphabet sort by their place in it; digits and foreign letters after them.
  return i >= 0 ? String.fromCharCode(0x41 + i) : `z${ch}`;
}

/**
 * A string whose byte order (COLLATE "C") is the Vietnamese order of names: given name, middle name,
 * family name by letters; then the same by tones.
 */
export function vietnameseSortKey(fullName: string): string {
  const { family, middle, given } = splitName(fullName);
  const parts = [given, middle, family].map(decompose);
  const primary = parts.map((p) => p.letters.map(letterKey).join('')).join('!');
  const secondary = parts.map((p) => p.tones.join('')).join('!');
  return `${primary}#${secondary}`;
}

/** In-memory comparison by the same rule (for lists built in the browser). */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = vietnameseSortKey(a);
  const kb = vietnameseSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
