// Vietnamese-aware features for the topic classifier. Pure: no I/O.
//
// Vietnamese writes words as space-separated syllables ("giải phóng mặt bằng"), so syllable unigrams
// plus bigrams approximate words ("sổ đỏ", "gói thầu") without a segmenter. Each feature is emitted
// twice: as written (NFC, lower case: "đất" and "đặt" stay apart) and diacritics-folded ("dat"), so a
// letter typed without diacritics still meets the folded features learnt from accented letters.
import { foldForSearch } from '../../../../../common/text.ts';

/** Syllables of a text: NFC, lower case, letters and digits only (punctuation breaks bigrams). */
export function syllableRuns(text: string): string[][] {
  const lower = text.normalize('NFC').toLowerCase();
  // Punctuation ends a phrase: a bigram across "đất. Ông" would be noise.
  return lower
    .split(/[^\p{L}\p{M}\p{N}\s]+/u)
    .map((run) => run.split(/\s+/u).filter((w) => w.length > 0 && !/^\p{N}+$/u.test(w)))
    .filter((run) => run.length > 0);
}

function grams(run: string[], prefix: string, out: string[]): void {
  for (let i = 0; i < run.length; i++) {
    out.push(`${prefix}${run[i]}`);
    if (i + 1 < run.length) out.push(`${prefix}${run[i]} ${run[i + 1]}`);
  }
}

/** Whether a text was typed without any diacritics (then its "as written" features would only be noise). */
export function isUnaccented(text: string): boolean {
  return foldForSearch(text) === text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Features of a text: `w:` as written, `f:` folded; unigrams and bigrams of each. A letter typed without
 * diacritics gets only the folded ones: its "as written" syllables ("dat") would be read as distinct
 * words and pull it toward the few unaccented training letters rather than toward its topic.
 */
export function features(text: string): string[] {
  const out: string[] = [];
  const written = !isUnaccented(text);
  for (const run of syllableRuns(text)) {
    if (written) grams(run, 'w:', out);
    grams(
      run.map((w) => foldForSearch(w)),
      'f:',
      out,
    );
  }
  return out;
}
