import { describe, expect, it } from 'vitest';
import { fieldsToFill, type MergeSide, mergeRefusal, periodsOverlap } from './member-merge.ts';

const side = (v: Partial<MergeSide> = {}): MergeSide => ({
  cccdHash: null,
  birthDate: null,
  partyCardNo: null,
  gender: null,
  admittedOn: null,
  confirmedOn: null,
  ...v,
});

describe('merging two records of one person (issue #3 point 7, "sạch")', () => {
  const refusals: [string, MergeSide, MergeSide, RegExp | null][] = [
    ['different CCCDs are two people', side({ cccdHash: 'a' }), side({ cccdHash: 'b' }), /CCCD khác nhau/],
    [
      'different birth dates are two people',
      side({ birthDate: '1980-03-05' }),
      side({ birthDate: '1981-03-05' }),
      /05\/03\/1980 và 05\/03\/1981/,
    ],
    ['different party cards are two people', side({ partyCardNo: '1' }), side({ partyCardNo: '2' }), /thẻ đảng viên/],
    ['one side missing is no evidence', side({ cccdHash: 'a' }), side({ birthDate: '1980-01-01' }), null],
    ['equal values agree', side({ cccdHash: 'a', birthDate: '1980-01-01' }), side({ cccdHash: 'a', birthDate: '1980-01-01' }), null],
  ];
  it.each(refusals)('%s', (_name, keep, merge, expected) => {
    const r = mergeRefusal(keep, merge);
    if (expected) expect(r?.message).toMatch(expected);
    else expect(r).toBeNull();
  });

  it('fills only what the kept record lacks', () => {
    const keep = side({ birthDate: '1980-01-01', gender: 'male' });
    const merge = side({ cccdHash: 'h', birthDate: '1980-01-01', gender: 'female', partyCardNo: '123', admittedOn: '2000-01-01' });
    expect(fieldsToFill(keep, merge)).toEqual(['cccd', 'partyCardNo', 'admittedOn']);
  });

  it('never fills a confirmation date earlier than the admission date (Điều lệ Đảng, Điều 5)', () => {
    expect(fieldsToFill(side({ admittedOn: '2010-01-01' }), side({ confirmedOn: '2009-01-01' }))).toEqual([]);
    expect(fieldsToFill(side({ admittedOn: '2010-01-01' }), side({ confirmedOn: '2011-01-01' }))).toEqual(['confirmedOn']);
  });

  const periods: [string, [string, string | null], [string, string | null], boolean][] = [
    ['disjoint', ['2000-01-01', '2000-12-31'], ['2001-01-01', null], false],
    ['sharing the last day (inclusive)', ['2000-01-01', '2001-01-01'], ['2001-01-01', null], true],
    ['two open periods', ['2000-01-01', null], ['2010-01-01', null], true],
  ];
  it.each(periods)('cell periods %s', (_name, a, b, expected) => {
    expect(periodsOverlap({ fromDate: a[0], toDate: a[1] }, { fromDate: b[0], toDate: b[1] })).toBe(expected);
  });
});
