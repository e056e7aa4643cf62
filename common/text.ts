// Vietnamese text folding for search, identical to the database's ktgs_fold():
// NFC/NFD alike, diacritics removed, đ/Đ → d, lower case, spaces collapsed.
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
