// Synthetic letters for the duplicate benchmarks: sentences of the corpus's tuning half, with invented
// people and figures, three to six per letter; a fixed seed, so runs (and both benchmarks) store the same.
import { letterBody, personNames } from '../server/src/domain/petitions/similarity/index.ts';
import type { CorpusLetter } from '../test/fixtures/petitions/types.ts';

const FAMILY = 'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Mai Cao'.split(' ');
const MIDDLE = 'Văn Thị Đức Minh Quang Thanh Xuân Hữu Ngọc Công Bá Kim Thu Hồng Anh'.split(' ');
const GIVEN = (
  'An Bảo Bình Chi Cường Dũng Duyên Giang Hà Hải Hạnh Hiền Hiếu Hoa Hòa Hùng Hương Khánh Khoa Lan Linh Long Lộc Mai Minh ' +
  'Nam Nga Ngân Nhung Oanh Phong Phúc Quân Quế Sơn Tâm Thảo Thắng Thịnh Thủy Tiến Trang Trung Tuấn Tùng Uyên Vân Việt Vinh Xuân Yến'
).split(' ');
const NAME_RE = /\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){2,3}/gu;

export interface LetterMaker {
  /** A uniform number in [0, 1) from the maker's seeded sequence. */
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
  synthetic: () => string;
}

export function letterMaker(corpus: readonly CorpusLetter[], seed = 12345): LetterMaker {
  let state = seed;
  const rnd = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const sentences = corpus
    .filter((l) => l.split === 'tune')
    .flatMap((l) => letterBody(l.text).split(/(?<=\.)\s+/))
    .map((s) => (personNames(s).length ? s.replace(NAME_RE, '§') : s));
  const synthetic = () => {
    const n = 3 + Math.floor(rnd() * 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      parts.push(
        pick(sentences)
          .replace(/§/g, name)
          .replace(/\d+/g, () => String(Math.floor(rnd() * 900) + 2)),
      );
    }
    return `Kính gửi: Ủy ban Kiểm tra\n${parts.join(' ')}\nNgười viết đơn`;
  };
  return { rnd, pick, synthetic };
}
