// Vietnamese text folding for search, identical to the database's ktgs_fold():
// NFC/NFD alike, diacritics removed, đ/Đ → d, lower case, spaces collapsed.
export function foldForSearch(text: string): string {
  return foldDiacritics(text).replace(/\s+/g, ' ').trim();
}

/** Lower case without diacritics (đ/Đ → d), line breaks and spacing kept: "Đơn TỐ CÁO" → "don to cao". */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
