import { describe, expect, it } from 'vitest';
import { memberDateProblems } from './member-record.ts';

const base = { status: 'full', birthDate: '1980-05-01', admittedOn: '2005-05-19', confirmedOn: '2006-05-19' };

describe('member record dates', () => {
  it.each([
    ['a consistent full member', {}, []],
    ['admitted at 18 exactly (Điều lệ Đảng, Điều 1)', { admittedOn: '1998-05-01', confirmedOn: null }, []],
    ['admitted the day before 18 (Điều lệ Đảng, Điều 1)', { admittedOn: '1998-04-30', confirmedOn: null }, ['admittedOn']],
    ['confirmed before admitted', { confirmedOn: '2004-01-01' }, ['confirmedOn']],
    ['a probationary member with a confirmation date (Điều lệ Đảng, Điều 5)', { status: 'probationary' }, ['confirmedOn']],
    ['unknown dates', { birthDate: null, admittedOn: null, confirmedOn: null }, []],
  ])('%s', (_name, change, fields) => {
    expect(memberDateProblems({ ...base, ...change }).map((p) => p.field)).toEqual(fields);
  });
});
