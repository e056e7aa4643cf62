import { describe, expect, it } from 'vitest';
import { cccdProblem, maskCccd } from './cccd.ts';
import { formatVnDate, parseVnDate } from './dates.ts';
import { compareVietnameseNames, splitName, vietnameseSortKey } from './vn-name.ts';

describe('CCCD structure (Thông tư 59/2021/TT-BCA, Điều 7)', () => {
  it.each([
    ['040085001234', null, null, null],
    ['040 085 001 234', null, null, null],
    ['04008500123', null, null, /12 chữ số/],
    ['003085001234', null, null, /Mã tỉnh/],
    ['040085001234', '1985-06-01', 'male', null],
    ['040185001234', '1985-06-01', 'female', null],
    ['040185001234', '1985-06-01', 'male', /Giới tính/],
    ['040085001234', '1986-06-01', null, /Năm sinh/],
    ['001303001234', '2003-01-01', 'female', null],
    ['001203001234', '1903-01-01', null, /Năm sinh/],
  ] as const)('%s born %s %s', (v, birth, gender, problem) => {
    const r = cccdProblem(v, birth, gender);
    if (problem === null) expect(r).toBeNull();
    else expect(r).toMatch(problem);
  });
  it('masks all but the last four digits', () => {
    expect(maskCccd('1234')).toBe('••••••••1234');
  });
});

describe('dates as Vietnamese users write them', () => {
  it.each([
    ['05/03/1980', '1980-03-05'],
    ['5/3/1980', '1980-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2020', null],
    ['1980-03-05', null],
    ['', null],
  ])('%s → %s', (raw, iso) => {
    expect(parseVnDate(raw)).toBe(iso);
  });
  it('formats back to dd/mm/yyyy', () => expect(formatVnDate('1980-03-05')).toBe('05/03/1980'));
});

describe('Vietnamese name order (given, middle, family; Vietnamese alphabet, then tones)', () => {
  it('splits family, middle and given names', () => {
    expect(splitName('  Nguyễn   Thị  Minh Khai ')).toEqual({ family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' });
  });
  it('orders by given name first', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Văn An', 'Lê Thị Ánh', 'Phạm Đức Anh'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Nguyễn Văn An', 'Phạm Đức Anh', 'Lê Thị Ánh', 'Trần Văn Bình']);
  });
  it('puts đ after d, ă and â after a, ư after u, ơ after o', () => {
    expect(['Lê Văn Đông', 'Lê Văn Dũng'].sort(compareVietnameseNames)).toEqual(['Lê Văn Dũng', 'Lê Văn Đông']);
    expect(['Lê Văn Ân', 'Lê Văn Ăn', 'Lê Văn An'].sort(compareVietnameseNames)).toEqual(['Lê Văn An', 'Lê Văn Ăn', 'Lê Văn Ân']);
    expect(['Lê Thị Ưng', 'Lê Thị Uyên'].sort(compareVietnameseNames)).toEqual(['Lê Thị Uyên', 'Lê Thị Ưng']);
  });
  it('breaks ties by tone in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng)', () => {
    const names = ['Lê Ma', 'Lê Mạ', 'Lê Mà', 'Lê Má', 'Lê Mả', 'Lê Mã'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Lê Ma', 'Lê Mà', 'Lê Mả', 'Lê Mã', 'Lê Má', 'Lê Mạ']);
  });
  it('gives NFC and NFD input the same key', () => {
    expect(vietnameseSortKey('Nguyễn Văn Đức'.normalize('NFD'))).toBe(vietnameseSortKey('Nguyễn Văn Đức'));
  });
});
