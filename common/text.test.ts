import { describe, expect, it } from 'vitest';
import { foldForSearch } from './text.ts';

describe('Vietnamese search folding', () => {
  it('folds diacritics and đ, NFC and NFD alike', () => {
    expect(foldForSearch('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldForSearch('Nguyễn Văn Đức'.normalize('NFD'))).toBe('nguyen van duc');
    expect(foldForSearch('  ĐẢNG   bộ ')).toBe('dang bo');
  });
});
