// Who may sit on a case's team: the subject and the subject's recorded relatives may not (domain.md §3,
// step 1; Quy định 296-QĐ/TW). People are matched by the CCCD's blind index where both have one, else
// by folded name and birth date; the rule itself (and its wording) is domain/cases/team.ts.
import type { TeamRole } from '../../../../common/cases.ts';
import { foldForSearch } from '../../../../common/text.ts';
import type { Tx } from '../../db/context.ts';
import { type Person, teamProblems } from '../../domain/cases/team.ts';
import * as repo from './cases.repository.ts';

interface Someone {
  memberId: string | null;
  cccdHash: string | null;
  name: string;
  birthDate: string | null;
}
export interface SeatPerson {
  /** A stable key: the member id, else the seat's own id. */
  key: string;
  memberId: string | null;
  fullName: string;
  birthDate?: string | null;
  role: TeamRole;
}
interface SubjectSide {
  subjects: Someone[];
  relatives: Someone[];
}

const hex = (b: Buffer | null) => (b ? b.toString('hex') : null);
const someone = (m: { id?: string; full_name: string; birth_date: string | null; cccd_hash: Buffer | null }): Someone => ({
  memberId: m.id ?? null,
  cccdHash: hex(m.cccd_hash),
  name: foldForSearch(m.full_name),
  birthDate: m.birth_date,
});

function same(a: Someone, b: Someone): boolean {
  if (a.memberId && b.memberId && a.memberId === b.memberId) return true;
  if (a.cccdHash && b.cccdHash) return a.cccdHash === b.cccdHash;
  return !!a.birthDate && a.birthDate === b.birthDate && a.name === b.name;
}

/** The subject (a member, or the heads answering for an organisation) and their recorded relatives. */
export async function subjectSide(tx: Tx, c: { subject_member_id: string | null; subject_org_id: string | null }): Promise<SubjectSide> {
  const members = c.subject_member_id
    ? [await repo.findMember(tx, c.subject_member_id)].filter((m) => m !== undefined)
    : c.subject_org_id
      ? await repo.headsOf(tx, c.subject_org_id)
      : [];
  const relatives = await repo.relativesOf(
    tx,
    members.map((m) => m.id),
  );
  return { subjects: members.map(someone), relatives: relatives.map((r) => someone({ ...r, id: undefined })) };
}

/** Problems of a team against the subject side; `forming`: a team being built may still lack its leader. */
export async function teamCheck(tx: Tx, seats: SeatPerson[], side: SubjectSide, forming = false): Promise<string[]> {
  const memberIds = seats.flatMap((s) => (s.memberId ? [s.memberId] : []));
  const registry = new Map<string, Someone>();
  for (const id of memberIds) {
    const m = await repo.findMember(tx, id);
    if (m) registry.set(id, someone(m));
  }
  const people: Someone[] = seats.map(
    (s) =>
      (s.memberId && registry.get(s.memberId)) || {
        memberId: s.memberId,
        cccdHash: null,
        name: foldForSearch(s.fullName),
        birthDate: s.birthDate ?? null,
      },
  );
  // A kinship recorded on the team member's side counts as much as one recorded on the subject's.
  const ownRelatives = await repo.relativesOf(tx, memberIds);
  const keyOf = (x: Someone, fallback: string): string => {
    const i = people.findIndex((p) => same(p, x));
    return i >= 0 ? (seats[i] as SeatPerson).key : fallback;
  };
  const subjects: Person[] = side.subjects.map((s, i) => ({ memberId: keyOf(s, `subject:${i}`) }));
  const relatives: Person[] = side.relatives.map((r, i) => ({ memberId: keyOf(r, `relative:${i}`) }));
  for (const r of ownRelatives) {
    if (side.subjects.some((s) => same(s, someone({ ...r, id: undefined })))) relatives.push({ memberId: r.member_id });
  }
  const problems = teamProblems(
    seats.map((s) => ({ memberId: s.key, fullName: s.fullName, role: s.role })),
    subjects,
    relatives,
  );
  return forming ? problems.filter((p) => p !== 'Đoàn phải có Trưởng đoàn.' && p !== 'Đoàn chưa có thành viên.') : problems;
}
