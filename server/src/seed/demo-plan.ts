// The shape of the demo province below its communes: per commune about 30 organisations (a grassroots
// committee of the commune's agencies, sometimes one of a company, each with its cells; chi bộ cơ sở of
// schools, the health station, police, military and residential areas), and who holds which post.
import { POST_BY_CODE, type SensitiveArea } from '../../../common/posts.ts';
import { communeWord, grassrootsPlan, institutionNames, placeName, residentialName } from './org-names.ts';
import type { Rng } from './prng.ts';

export interface CommuneRef {
  id: string;
  code: string;
  name: string;
  path: string;
  province_code: string;
  province_id: string;
}

export interface PostSpec {
  code: string;
  title: string;
  /** The organisation the post is in: 'self' (the cell), 'parent' (its grassroots committee), 'commune'. */
  at: 'self' | 'parent' | 'commune' | 'none';
  workplace?: string;
  /** The committee that manages the cadre: the province for commune leaders. */
  managedByProvince?: boolean;
  areas?: SensitiveArea[];
  from: string;
}

export interface UnitPlan {
  code: string;
  name: string;
  kind: 'grassroots' | 'cell';
  /** Code of the parent unit; null for a unit directly under the commune. */
  parentCode: string | null;
  hasCommittee: boolean;
  hasUbkt: boolean;
  members: number;
  /** posts[j]: the posts of the j-th member of the unit; those members are born 1962–1990. */
  posts: PostSpec[][];
}

const TERM = '2025-07-01';
const post = (code: string, at: PostSpec['at'], extra: Partial<PostSpec> = {}): PostSpec => ({
  code,
  title: extra.title ?? POST_BY_CODE.get(code)?.label ?? code,
  at,
  from: extra.from ?? TERM,
  ...extra,
});

/** Cell leadership: a secretary and a deputy everywhere, a third committee member in larger cells. */
function cellPosts(rng: Rng, members: number, cellWord: string): PostSpec[][] {
  const from = `2025-0${rng.int(3, 5)}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const posts = [
    [post('secretary', 'self', { title: `Bí thư ${cellWord}`, from })],
    [post('deputy_secretary', 'self', { title: `Phó Bí thư ${cellWord}`, from })],
  ];
  if (members >= 9) posts.push([post('committee_member', 'self', { title: 'Chi ủy viên', from })]);
  return posts;
}

/** The commune's leadership and government, held by members of the agencies' first cell. */
function communeLeaders(communeName: string): PostSpec[][] {
  const word = communeWord(communeName);
  const place = `${word} ${placeName(communeName)}`;
  const ubnd = `Ủy ban nhân dân ${place}`;
  const m = { managedByProvince: true };
  return [
    [post('secretary', 'commune', { title: `Bí thư Đảng ủy ${place}`, ...m })],
    [
      post('deputy_secretary', 'commune', { title: `Phó Bí thư Thường trực Đảng ủy ${place}`, ...m }),
      post('ubkt_chair', 'commune', { title: `Chủ nhiệm Ủy ban Kiểm tra Đảng ủy ${place}`, ...m }),
    ],
    [
      post('deputy_secretary', 'commune', { title: `Phó Bí thư Đảng ủy ${place}`, ...m }),
      post('state_head', 'none', { title: `Chủ tịch ${ubnd}`, workplace: ubnd, areas: ['personnel', 'finance', 'land'], ...m }),
    ],
    [
      post('standing_member', 'commune', { title: 'Ủy viên Ban Thường vụ Đảng ủy', ...m }),
      post('state_deputy', 'none', { title: `Phó Chủ tịch ${ubnd}`, workplace: ubnd, areas: ['land', 'construction'], ...m }),
    ],
    [post('ubkt_deputy', 'commune', { title: `Phó Chủ nhiệm Ủy ban Kiểm tra Đảng ủy ${place}` })],
    [post('ubkt_member', 'commune', { title: `Ủy viên Ủy ban Kiểm tra Đảng ủy ${place}` })],
    [
      post('committee_member', 'commune', { title: `Đảng ủy viên Đảng ủy ${place}` }),
      post('department_head', 'none', { title: 'Trưởng phòng Kinh tế', workplace: ubnd, areas: ['land', 'construction', 'procurement'] }),
    ],
    [
      post('committee_member', 'commune', { title: `Đảng ủy viên Đảng ủy ${place}` }),
      post('civil_servant', 'none', { title: 'Công chức Tài chính - Kế toán', workplace: ubnd, areas: ['finance', 'procurement'] }),
    ],
    [post('civil_servant', 'none', { title: 'Công chức Địa chính - Xây dựng', workplace: ubnd, areas: ['land', 'construction'] })],
    [post('mass_head', 'none', { title: `Chủ tịch Ủy ban Mặt trận Tổ quốc ${place}`, workplace: `Ủy ban MTTQ ${place}` })],
  ];
}

/** The committee and UBKT of a grassroots committee, held by members of its cells (one post each). */
function grassrootsLeaders(company: boolean, name: string): PostSpec[] {
  const own = name.replace(/^Đảng bộ /, '');
  const head = company
    ? post('enterprise_manager', 'none', {
        title: 'Giám đốc',
        workplace: own,
        areas: ['finance', 'procurement', 'projects'],
        from: '2022-01-01',
      })
    : post('committee_member', 'parent', { title: 'Đảng ủy viên' });
  return [
    post('secretary', 'parent', { title: 'Bí thư Đảng ủy' }),
    post('deputy_secretary', 'parent', { title: 'Phó Bí thư Đảng ủy' }),
    post('ubkt_chair', 'parent', { title: 'Chủ nhiệm Ủy ban Kiểm tra' }),
    post('ubkt_member', 'parent', { title: 'Ủy viên Ủy ban Kiểm tra' }),
    post('ubkt_member', 'parent', { title: 'Ủy viên Ủy ban Kiểm tra' }),
    head,
  ];
}

/** About 30 organisations of one commune, codes `<commune>_DB01`, `<commune>_DB01_CB01`, `<commune>_CB01`. */
export function communePlan(rng: Rng, commune: CommuneRef): UnitPlan[] {
  const units: UnitPlan[] = [];
  const size = () => rng.int(10, 32);
  const grassroots = rng.chance(0.6) ? 2 : 1;
  for (let g = 0; g < grassroots; g++) {
    const plan = grassrootsPlan(rng, commune.name, g);
    const code = `${commune.code}_DB${String(g + 1).padStart(2, '0')}`;
    units.push({ code, name: plan.name, kind: 'grassroots', parentCode: null, hasCommittee: true, hasUbkt: true, members: 0, posts: [] });
    const leaders = grassrootsLeaders(g > 0, plan.name);
    plan.cells.forEach((cellName, i) => {
      const members = size() + (g === 0 && i === 0 ? 10 : 0);
      const posts = cellPosts(rng, members, 'Chi bộ');
      // The commune leaders sit in the agencies' first cell; the grassroots leaders spread over the cells.
      if (g === 0 && i === 0) posts.push(...communeLeaders(commune.name));
      posts.push(...leaders.filter((_, k) => k % plan.cells.length === i).map((p) => [p]));
      units.push({
        code: `${code}_CB${String(i + 1).padStart(2, '0')}`,
        name: cellName,
        kind: 'cell',
        parentCode: code,
        hasCommittee: false,
        hasUbkt: false,
        members,
        posts,
      });
    });
  }
  const direct = institutionNames(commune.name).slice(0, rng.int(5, 8));
  const total = rng.int(28, 32) - units.length;
  for (let i = direct.length; i < total; i++) direct.push(residentialName(rng, commune.name, i - direct.length + 1, commune.province_code));
  direct.forEach((name, i) => {
    const members = size();
    const posts = cellPosts(rng, members, 'Chi bộ');
    // Heads of schools and of the health station manage people and money.
    if (/Trường|Trạm Y tế/.test(name)) {
      const title = name.includes('Trạm') ? 'Trạm trưởng' : 'Hiệu trưởng';
      posts.push([
        post('state_head', 'none', { title, workplace: name.replace(/^Chi bộ /, ''), areas: ['personnel', 'finance'], from: '2021-09-01' }),
      ]);
    }
    units.push({
      code: `${commune.code}_CB${String(i + 1).padStart(2, '0')}`,
      name,
      kind: 'grassroots',
      parentCode: null,
      hasCommittee: false,
      hasUbkt: false,
      members,
      posts,
    });
  });
  return units;
}
