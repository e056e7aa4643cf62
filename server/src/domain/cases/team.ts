// Who may sit on an inspection or supervision team (domain.md §3, step 1). Pure: no I/O.
import type { TeamRole } from '../../../../common/cases.ts';

/** A person compared by member id and, where recorded, by the keyed hash of the CCCD. */
export interface Person {
  memberId?: string | null;
  cccdHash?: string | null;
  fullName?: string | null;
}
export interface TeamSeat extends Person {
  memberId: string;
  role: TeamRole;
}

function same(a: Person, b: Person): boolean {
  if (a.memberId && b.memberId && a.memberId === b.memberId) return true;
  return !!a.cccdHash && !!b.cccdHash && a.cccdHash === b.cccdHash;
}

function who(seat: TeamSeat, i: number): string {
  return seat.fullName?.trim() || `Thành viên thứ ${i + 1}`;
}

/**
 * Problems with a team, in Vietnamese; empty when it may be formed.
 * `subject`: the member inspected, or the people answering for an organisation (its heads).
 * Quy định 296-QĐ/TW: the subject and a person related to the subject do not sit on the team that
 * inspects or supervises them (domain.md §3); the team works under a leader (trưởng đoàn).
 */
export function teamProblems(
  team: readonly TeamSeat[],
  subject: Person | readonly Person[],
  relativesOfSubject: readonly Person[],
): string[] {
  const problems: string[] = [];
  if (team.length === 0) return ['Đoàn chưa có thành viên.'];
  const leaders = team.filter((s) => s.role === 'leader').length;
  if (leaders === 0) problems.push('Đoàn phải có Trưởng đoàn.');
  if (leaders > 1) problems.push('Đoàn chỉ có một Trưởng đoàn.');
  const subjects = Array.isArray(subject) ? subject : [subject as Person];
  team.forEach((seat, i) => {
    if (team.findIndex((other) => same(other, seat)) < i) problems.push(`${who(seat, i)} được bố trí trùng trong đoàn.`);
    if (subjects.some((s) => same(s, seat))) problems.push(`${who(seat, i)} là đối tượng kiểm tra, giám sát nên không được tham gia đoàn.`);
    else if (relativesOfSubject.some((r) => same(r, seat)))
      problems.push(
        `${who(seat, i)} có quan hệ gia đình với đối tượng kiểm tra, giám sát nên không được tham gia đoàn (Quy định 296-QĐ/TW).`,
      );
  });
  return problems;
}
