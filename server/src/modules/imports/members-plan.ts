// The rule of a member import: each row read and checked on its own, then against the other rows and
// the registry; the outcome is a plan of inserts, updates and cell transfers (or the errors).

import { randomUUID } from 'node:crypto';
import { cccdProblem, type Gender, normaliseCccd } from '../../../../common/cccd.ts';
import { formatVnDate } from '../../../../common/dates.ts';
import { foldForSearch } from '../../../../common/text.ts';
import { normaliseName } from '../../../../common/vn-name.ts';
import { memberDateProblems } from '../../domain/member-record.ts';
import type { Keyring } from '../../platform/crypto.ts';
import { underDisciplineMessage } from '../discipline/registry-hook.ts';
import { cccdHash, memberRow } from '../members/member-row.ts';
import { FirstSeen, rowReader } from './fields.ts';
import type { MemberWrite, OrgRef, StoredMember, TransferWrite } from './members.repository.ts';
import { type RowError, rowError, type SheetRow } from './parse.ts';

export interface MemberCandidate {
  row: number;
  fullName: string;
  nameKey: string | null;
  gender: Gender | null;
  birthDate: string | null;
  cccd: string | null;
  hashHex: string | null;
  hash: Buffer | null;
  partyCardNo: string | null;
  orgCode: string;
  status: string | null;
  admittedOn: string | null;
  confirmedOn: string | null;
}

const GENDERS: Record<string, Gender> = { Nam: 'male', Nữ: 'female' };
const STATUSES: Record<string, string> = {
  'Dự bị': 'probationary',
  'Chính thức': 'full',
  'Đảng viên dự bị': 'probationary',
  'Đảng viên chính thức': 'full',
};
const CARD = /^[0-9A-Za-z.-]{4,20}$/;

const nameKeyOf = (fullName: string, birthDate: string | null) => (birthDate ? `${foldForSearch(fullName)}|${birthDate}` : null);

/** Reads every row (collecting every problem) and finds duplicates inside the file. */
export function readMemberRows(rows: SheetRow[], ring: Keyring, errors: RowError[]): MemberCandidate[] {
  const byCccd = new FirstSeen();
  const byCard = new FirstSeen();
  const byName = new FirstSeen();
  const out: MemberCandidate[] = [];
  for (const sheetRow of rows) {
    const r = rowReader('members', sheetRow, errors);
    const fullName = normaliseName(r.text('fullName', { required: true, min: 2, max: 200 }));
    const gender = r.choice('gender', GENDERS, '"Nam" hoặc "Nữ"');
    const birthDate = r.date('birthDate', { notFuture: true });
    let cccd: string | null = normaliseCccd(r.text('cccd')) || null;
    if (cccd) {
      const problem = cccdProblem(cccd, birthDate ?? null, gender ?? null);
      if (problem) {
        const lostZero = /^\d{11}$/.test(cccd) ? ' Có thể số 0 ở đầu đã bị mất: định dạng cột là Văn bản (Text).' : '';
        r.fail('cccd', `"${cccd}": ${problem}${lostZero}`);
        cccd = null;
      }
    }
    const partyCardNo = r.text('partyCardNo') || null;
    if (partyCardNo && !CARD.test(partyCardNo))
      r.fail('partyCardNo', `"${partyCardNo}" không hợp lệ (4–20 ký tự: chữ số, chữ cái, dấu chấm, gạch ngang).`);
    const orgCode = r.text('orgCode', { required: true });
    const status = r.choice('status', STATUSES, '"Dự bị" hoặc "Chính thức"');
    const admittedOn = r.date('admittedOn', { notFuture: true });
    const confirmedOn = r.date('confirmedOn', { notFuture: true });
    const dates = {
      status: status ?? null,
      birthDate: birthDate ?? null,
      admittedOn: admittedOn ?? null,
      confirmedOn: confirmedOn ?? null,
    };
    for (const p of memberDateProblems(dates)) r.fail(p.field, p.message);
    const c: MemberCandidate = {
      row: r.row,
      fullName,
      nameKey: fullName && birthDate ? nameKeyOf(fullName, birthDate) : null,
      gender: gender ?? null,
      birthDate: birthDate ?? null,
      cccd,
      hash: null,
      hashHex: null,
      partyCardNo,
      orgCode,
      status: status ?? null,
      admittedOn: admittedOn ?? null,
      confirmedOn: confirmedOn ?? null,
    };
    if (cccd) {
      c.hash = cccdHash(ring, cccd);
      c.hashHex = c.hash.toString('hex');
      const dup = byCccd.check(c.hashHex, c.row);
      if (dup !== null) r.fail('cccd', `trùng số CCCD với dòng ${dup}.`);
    }
    if (partyCardNo) {
      const dup = byCard.check(partyCardNo, c.row);
      if (dup !== null) r.fail('partyCardNo', `trùng số thẻ đảng viên với dòng ${dup}.`);
    }
    if (c.nameKey) {
      const dup = byName.check(c.nameKey, c.row);
      if (dup !== null) r.fail('fullName', `trùng họ tên và ngày sinh (${formatVnDate(c.birthDate)}) với dòng ${dup}.`);
    }
    out.push(c);
  }
  return out;
}

export interface MemberPlan {
  inserts: MemberWrite[];
  updates: MemberWrite[];
  /** Members whose cell changed (their open period closes the day before `today`). */
  moved: { member_id: string; org_id: string }[];
  openings: TransferWrite[];
  unchanged: number;
}

export interface MemberLookups {
  orgs: Map<string, OrgRef>;
  stored: StoredMember[];
  /** CCCD hashes (hex) and card numbers held by any member, visible or not. */
  taken: { hashes: Set<string>; cards: Set<string> };
  ring: Keyring;
  today: string;
  reason: string;
  /** Stored members under discipline consideration: they may not change cell (domain.md §4). */
  underDiscipline: Set<string>;
}

const MEMBER_KINDS = new Set(['cell', 'grassroots']);

/** Matches each row to the registry (CCCD, else card, else name and birth date) and plans the writes. */
export function planMembers(
  cands: MemberCandidate[],
  look: MemberLookups,
  errors: RowError[],
  header: (key: string) => string,
): MemberPlan {
  const byHash = new Map<string, StoredMember>();
  const byCard = new Map<string, StoredMember>();
  const byName = new Map<string, StoredMember>();
  for (const m of look.stored) {
    if (m.cccd_hash) byHash.set(m.cccd_hash.toString('hex'), m);
    if (m.party_card_no) byCard.set(m.party_card_no, m);
    const k = nameKeyOf(m.full_name, m.birth_date);
    if (k) byName.set(k, m);
  }
  const plan: MemberPlan = { inserts: [], updates: [], moved: [], openings: [], unchanged: 0 };
  const sameMember = new FirstSeen();
  for (const c of cands) {
    const before = errors.length;
    const fail = (key: string, message: string) => errors.push(rowError(c.row, header(key), message));
    const org = look.orgs.get(c.orgCode);
    if (!org) fail('orgCode', `mã "${c.orgCode}" không tồn tại hoặc ngoài phạm vi của bạn.`);
    else if (!MEMBER_KINDS.has(org.kind)) fail('orgCode', `"${c.orgCode}" (${org.name}) không phải chi bộ hay tổ chức cơ sở đảng.`);
    else if (org.valid_to && org.valid_to <= look.today) fail('orgCode', `"${c.orgCode}" (${org.name}) đã thôi hoạt động.`);

    const viaHash = c.hashHex ? byHash.get(c.hashHex) : undefined;
    const viaCard = c.partyCardNo ? byCard.get(c.partyCardNo) : undefined;
    const viaName = c.nameKey ? byName.get(c.nameKey) : undefined;
    const match = viaHash ?? viaCard ?? viaName;
    if (c.hashHex && !viaHash && look.taken.hashes.has(c.hashHex)) {
      fail('cccd', 'số CCCD đã thuộc về một đảng viên ngoài phạm vi của bạn (cần chuyển sinh hoạt qua cấp có thẩm quyền).');
    }
    if (c.partyCardNo && !viaCard && look.taken.cards.has(c.partyCardNo)) {
      fail('partyCardNo', 'số thẻ đảng viên đã thuộc về một đảng viên ngoài phạm vi của bạn.');
    }
    if (match && viaCard && viaCard.id !== match.id) fail('partyCardNo', 'số thẻ đảng viên đã là của một đảng viên khác (khác số CCCD).');
    if (match && !viaHash && c.hash && match.cccd_hash) {
      if (match === viaCard) fail('partyCardNo', 'trùng số thẻ đảng viên với đảng viên đã có nhưng khác số CCCD.');
      else fail('fullName', `trùng họ tên và ngày sinh với đảng viên đã có nhưng khác số CCCD.`);
    }
    if (match) {
      const dup = sameMember.check(match.id, c.row);
      if (dup !== null) fail('fullName', `cùng một đảng viên đã có với dòng ${dup}.`);
    }
    if (errors.length > before || !org) continue;

    const merged = {
      fullName: c.fullName,
      gender: c.gender ?? match?.gender ?? null,
      birthDate: c.birthDate ?? match?.birth_date ?? null,
      cccd: c.cccd,
      partyCardNo: c.partyCardNo ?? match?.party_card_no ?? null,
      status: c.status ?? match?.status ?? 'full',
      admittedOn: c.admittedOn ?? match?.admitted_on ?? null,
      confirmedOn: c.confirmedOn ?? match?.confirmed_on ?? null,
    };
    if (merged.admittedOn && merged.confirmedOn && merged.confirmedOn < merged.admittedOn) {
      fail('confirmedOn', `ngày chính thức trước ngày vào Đảng đã lưu (${formatVnDate(merged.admittedOn)}).`);
      continue;
    }
    if (!match) {
      const row = { id: randomUUID(), ...memberRow(look.ring, merged, org) };
      plan.inserts.push(row);
      plan.openings.push({ member_id: row.id, org_id: org.id, from_date: merged.admittedOn ?? look.today, reason: look.reason });
      continue;
    }
    const same =
      match.full_name === merged.fullName &&
      match.gender === merged.gender &&
      match.birth_date === merged.birthDate &&
      (!c.hash || match.cccd_hash?.equals(c.hash) === true) &&
      match.party_card_no === merged.partyCardNo &&
      match.status === merged.status &&
      match.admitted_on === merged.admittedOn &&
      match.confirmed_on === merged.confirmedOn &&
      match.org_id === org.id;
    if (same) {
      plan.unchanged += 1;
      continue;
    }
    if (match.org_id !== org.id && look.underDiscipline.has(match.id)) {
      fail('orgCode', underDisciplineMessage('transfer'));
      continue;
    }
    plan.updates.push({ id: match.id, ...memberRow(look.ring, merged, org) });
    if (match.org_id !== org.id) plan.moved.push({ member_id: match.id, org_id: org.id });
  }
  return plan;
}
