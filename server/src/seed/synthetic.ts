// One synthetic cell with its members: the org_unit row, member rows (through memberRow, so CCCDs are
// sealed and sort keys computed as everywhere else), an opening cell period each, and posts for about
// one member in ten (the cell's secretary and deputy, some state posts in sensitive areas).
import { POST_BY_CODE, type SensitiveArea } from '../../../common/posts.ts';
import { memberRow } from '../modules/members/member-row.ts';
import type { Keyring } from '../platform/crypto.ts';
import type { IdentityAllocator } from './identity.ts';
import { randomPerson } from './people.ts';
import type { Rng } from './prng.ts';
import type { Row } from './rows.ts';
import type { CellPlan } from './synthetic-plan.ts';

export interface CellRows {
  members: Row[];
  transfers: Row[];
  posts: Row[];
}

export interface GeneratorState {
  ring: Keyring;
  rng: Rng;
  ids: IdentityAllocator;
  uuid: () => string;
}

const STATE_POSTS: readonly { code: string; title: string; areas: SensitiveArea[] }[] = [
  { code: 'department_head', title: 'Trưởng phòng Tài chính - Kế hoạch', areas: ['finance', 'procurement'] },
  { code: 'department_head', title: 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị', areas: ['land', 'construction'] },
  { code: 'department_deputy', title: 'Phó Trưởng phòng Nội vụ', areas: ['personnel'] },
  { code: 'civil_servant', title: 'Công chức Địa chính - Xây dựng', areas: ['land', 'construction'] },
  { code: 'civil_servant', title: 'Công chức Tài chính - Kế toán', areas: ['finance'] },
  { code: 'enterprise_manager', title: 'Giám đốc Ban Quản lý dự án', areas: ['projects', 'construction', 'procurement'] },
  { code: 'civil_servant', title: 'Chuyên viên', areas: [] },
  { code: 'mass_head', title: 'Chủ tịch Hội Nông dân', areas: [] },
  { code: 'mass_head', title: 'Chủ tịch Hội Liên hiệp Phụ nữ', areas: [] },
];
const SHARE_STATE_POST = 0.025;

function postRow(
  s: GeneratorState,
  memberId: string,
  code: string,
  title: string,
  orgId: string | null,
  areas: SensitiveArea[],
  from: string,
): Row {
  const kind = POST_BY_CODE.get(code);
  return [s.uuid(), memberId, kind?.category ?? 'other', code, title, orgId, null, kind?.head ?? false, null, areas, from, null];
}

/** The org_unit row of a cell: a chi bộ directly under the commune is a chi bộ cơ sở, without UBKT. */
export function cellOrgRow(cell: CellPlan, id: string): Row {
  const { commune } = cell;
  return [id, commune.id, cell.code, cell.name, 'grassroots', `${commune.path}.${cell.code}`, commune.province_code, false, false, null];
}

/** The members of a cell (whose org_unit row has id), with their cell periods and posts. */
export function cellRows(s: GeneratorState, cell: CellPlan, id: string): CellRows {
  const { commune } = cell;
  const place = { id, path: `${commune.path}.${cell.code}`, province_code: commune.province_code };
  const out: CellRows = {
    members: [],
    transfers: [],
    posts: [],
  };
  const termStart = `2025-0${s.rng.int(3, 5)}-${String(s.rng.int(1, 28)).padStart(2, '0')}`;
  for (let j = 0; j < cell.size; j++) {
    const leader = j < 2;
    const person = randomPerson(
      s.rng,
      s.ids,
      commune.province_code,
      leader ? { full: true, minYear: 1958, maxYear: 1992 } : { full: j < 3 },
    );
    const memberId = s.uuid();
    const r = memberRow(s.ring, person, place);
    out.members.push([
      memberId,
      r.org_id,
      r.org_path,
      r.province_code,
      r.full_name,
      r.sort_key,
      r.gender,
      r.birth_date,
      r.cccd_enc,
      r.cccd_hash,
      r.cccd_last4,
      r.party_card_no,
      r.status,
      r.admitted_on,
      r.confirmed_on,
      r.secrecy,
    ]);
    const admitted = person.admittedOn as string;
    out.transfers.push([s.uuid(), memberId, id, admitted, null, 'Kết nạp vào Đảng']);
    const since = (person.confirmedOn ?? admitted) > termStart ? ((person.confirmedOn ?? admitted) as string) : termStart;
    if (j === 0) out.posts.push(postRow(s, memberId, 'secretary', 'Bí thư Chi bộ', id, [], since));
    else if (j === 1) out.posts.push(postRow(s, memberId, 'deputy_secretary', 'Phó Bí thư Chi bộ', id, [], since));
    else if (s.rng.chance(SHARE_STATE_POST)) {
      const p = s.rng.pick(STATE_POSTS);
      const from = `${s.rng.int(2018, 2025)}-07-01`;
      out.posts.push(postRow(s, memberId, p.code, p.title, null, p.areas, from > admitted ? from : admitted));
    }
  }
  return out;
}
