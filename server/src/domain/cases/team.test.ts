import { describe, expect, it } from 'vitest';
import { type Person, type TeamSeat, teamProblems } from './team.ts';

const seat = (memberId: string, role: TeamSeat['role'] = 'member', extra: Partial<TeamSeat> = {}): TeamSeat => ({
  memberId,
  role,
  fullName: `Đồng chí ${memberId}`,
  ...extra,
});
const SUBJECT: Person = { memberId: 's', cccdHash: 'h-s' };
const RELATIVES: Person[] = [{ memberId: 'r1' }, { cccdHash: 'h-r2', fullName: 'Nguyễn Thị Hoa' }];

describe('team conflicts (Quy định 296-QĐ/TW; domain.md §3: the subject and relatives do not sit on the team)', () => {
  it.each([
    ['a clean team with a leader', [seat('a', 'leader'), seat('b'), seat('c', 'secretary')], []],
    ['no members at all', [], [/chưa có thành viên/]],
    ['no leader', [seat('a', 'deputy'), seat('b')], [/phải có Trưởng đoàn/]],
    ['two leaders', [seat('a', 'leader'), seat('b', 'leader')], [/một Trưởng đoàn/]],
    ['the subject by member id', [seat('a', 'leader'), seat('s')], [/Đồng chí s là đối tượng/]],
    ['the subject by CCCD hash', [seat('a', 'leader'), seat('x', 'member', { cccdHash: 'h-s' })], [/là đối tượng/]],
    ['a relative by member id', [seat('a', 'leader'), seat('r1')], [/Đồng chí r1 có quan hệ gia đình/]],
    ['a relative by CCCD hash', [seat('a', 'leader'), seat('y', 'member', { cccdHash: 'h-r2' })], [/quan hệ gia đình/]],
    ['a relative as the leader', [seat('r1', 'leader')], [/quan hệ gia đình/]],
    ['the same person twice', [seat('a', 'leader'), seat('a')], [/trùng/]],
    ['no name: by position', [seat('a', 'leader'), { memberId: 's', role: 'member' as const }], [/Thành viên thứ 2 là đối tượng/]],
  ] as [string, TeamSeat[], RegExp[]][])('%s', (_n, team, expected) => {
    const problems = teamProblems(team, SUBJECT, RELATIVES);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => {
      expect(problems[i]).toMatch(re);
    });
  });

  it('missing CCCD hashes never match each other', () => {
    expect(teamProblems([seat('a', 'leader', { cccdHash: null })], { memberId: 'z', cccdHash: null }, [{ cccdHash: null }])).toEqual([]);
  });

  it('an organisation as subject: its heads count as the subject', () => {
    const heads: Person[] = [{ memberId: 'bt' }, { memberId: 'pbt' }];
    expect(teamProblems([seat('a', 'leader'), seat('pbt')], heads, [])).toEqual([expect.stringMatching(/là đối tượng/)]);
  });
});
