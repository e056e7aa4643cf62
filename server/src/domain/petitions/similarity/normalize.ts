// Vietnamese-aware normalisation for comparing letters: Unicode NFC, lower case, diacritics folded
// (đ → d) so that a letter typed without a Vietnamese keyboard matches the same letter with marks,
// and the formal frame removed (national motto, title, "Kính gửi", who writes, standard opening and
// closing formulas, place and date, signature): copies of one letter differ mostly there, and two
// different letters share it word for word.

import { foldDiacritics as fold, foldForSearch } from '../../../../../common/text.ts';

export { fold };

// Whole segments (lines or sentences, folded) that are frame, not content.
const FRAME = [
  /^cong hoa xa hoi chu nghia viet nam$/,
  /^doc lap\W+tu do\W+hanh phuc$/,
  /^(don|thu) (to cao|khieu nai|kien nghi|phan anh|de nghi)\b.{0,40}$/,
  /^(dong )?kinh gui\b/,
  /^(toi ten la|nguoi (lam|viet) don|ho (va )?ten nguoi)\b/,
  /^(toi|chung toi) (la|gom)\b.*\b(sinh nam|tru tai|cu tru|dia chi|so dien thoai|giau ten|khong neu ten)\b/,
  /\b(xin|duoc) (duoc )?giau ten\b/,
  /^(toi|nay toi|chung toi) xin (trinh bay|phan anh|bao cao) (su viec|noi dung|viec)\b/,
  /^nay toi lam don nay\b/,
  /^toi xin cam doan\b/,
  /^(kinh mong|rat mong|mong) (cac dong chi|nhan duoc|duoc)\b.*\b(xem xet|quan tam|giai quyet)\b/,
  /^(xin )?(tran trong|chan thanh) cam on\b/,
  /^toi xin chan thanh cam on\b/,
  /^xin tran trong cam on\b/,
  /^[\p{L} ]{0,40}, ngay \d{1,2} thang \d{1,2} nam \d{4}$/u,
  /^\(?(da ky|ky|ky ten|ky, ghi ro ho ten)\)?$/,
];
// The signature block starts here; everything after it is the sender's name.
const SIGNATURE = /^(nguoi (viet|lam|gui) don|nguoi to cao|nguoi khieu nai|nguoi kien nghi|nguoi phan anh)( \(.*\))?$/;

/** The content of a letter in its original spelling (frame removed), NFC. */
export function letterBody(text: string): string {
  const kept: string[] = [];
  for (const line of text.normalize('NFC').split(/\r?\n/)) {
    const foldedLine = foldForSearch(line);
    if (SIGNATURE.test(foldedLine)) break;
    if (FRAME.some((re) => re.test(foldedLine))) continue;
    for (const sentence of line.split(/(?<=[.!?;])\s+/)) {
      const f = foldForSearch(sentence).replace(/[.!?;:]+$/, '');
      if (f === '' || FRAME.some((re) => re.test(f))) continue;
      kept.push(sentence.trim());
    }
  }
  return kept.join(' ');
}

/** Folded words of the content: letters and digits only ("1,2 tỷ" → "1", "2", "ty"). */
export function words(body: string): string[] {
  return fold(body)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

// The most common Vietnamese family names (folded): a capitalised run starting with one of them is
// taken as a person's name.
const FAMILY = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh mai cao ta dao doan ' +
    'luong lam ha kieu chu tong quach thai luu trieu lu luc au tieu phung mac nghiem kim khuc giang'
  ).split(' '),
);

/** Full names of people mentioned in the content (folded, at least three syllables), for example
 *  "nguyen van hung". Works for letters written without diacritics as long as names are capitalised. */
export function personNames(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){2,3}/gu)) {
    const parts = fold(m[0]).split(/\s+/);
    // A sentence may start with a capitalised common word before the name: skip to the family name.
    const start = parts.findIndex((p) => FAMILY.has(p));
    if (start >= 0 && parts.length - start >= 3) found.add(parts.slice(start).join(' '));
  }
  return [...found].sort();
}
