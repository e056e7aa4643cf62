// Demo letters (issue #6): about two dozen realistic petitions in the demo province's communes, registered
// through the intake itself (numbers, sealed senders, topics, deadlines, duplicate links), so that a first
// embedded start shows a living inbox: every kind and officer channel, anonymous and false-name letters, the
// same letter sent to the commune and to the province (linked as duplicates), one accepted letter past its
// deadline, one kept as information, and one forwarded to the province with its forwarding slip.
// Dates are counted back from today; names come from the seeded registry and a seeded generator.
import { sql } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { OrgKind } from '../../../common/orgs.ts';
import type { SenderContact } from '../../../common/petition-api.ts';
import type { SenderIdentity } from '../../../common/petitions.ts';
import type { Tx } from '../db/context.ts';
import { screen } from '../domain/petitions/screening.ts';
import { generateForwardingLetter } from '../modules/petitions/forwarding-letter.ts';
import { type IntakeInput, registerPetition } from '../modules/petitions/intake.service.ts';
import { systemActor } from '../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../platform/access/scope.ts';
import type { AppContext } from '../platform/app-context.ts';
import { type About, type Fate, LETTERS, type Letter, PLAN } from './demo-petition-letters.ts';
import type { CommuneRef } from './demo-plan.ts';
import { communeWord, placeName } from './org-names.ts';
import { isoDay } from './people.ts';
import { createRng, type Rng } from './prng.ts';
import { randomName } from './vn-names.ts';

interface Holder {
  member_id: string;
  full_name: string;
  gender: string | null;
  code: string;
  title: string;
  workplace: string | null;
  org_id: string;
  org_name: string;
  org_path: string;
}

function holdersIn(tx: Tx, path: string): Promise<Holder[]> {
  return tx
    .selectFrom('post as p')
    .innerJoin('member as m', 'm.id', 'p.member_id')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select([
      'm.id as member_id',
      'm.full_name',
      'm.gender',
      'p.code',
      'p.title',
      'p.workplace',
      'o.id as org_id',
      'o.name as org_name',
      'o.path as org_path',
    ])
    .where('p.to_date', 'is', null)
    .where(sql<boolean>`m.org_path <@ ${path}::ltree`)
    .orderBy('m.party_card_no')
    .execute();
}

/** "Bí thư Chi bộ xóm 3", "Trưởng phòng Kinh tế, Ủy ban nhân dân xã Tri Lễ". */
function positionOf(h: Holder): string {
  if (h.code === 'secretary' && h.title === 'Bí thư Chi bộ') return `Bí thư ${h.org_name}`;
  return h.workplace && !h.title.includes(h.workplace) ? `${h.title}, ${h.workplace}` : h.title;
}

const RESIDENTIAL = /^Chi bộ (xóm|khối|thôn|bản|ấp|tổ dân phố)/;

type Subject = Pick<IntakeInput, 'subjectMemberId' | 'subjectOrgId' | 'subjectName' | 'subjectPosition'> & { cell: string };

function subjectOf(about: About, holders: Holder[], rng: Rng): Subject {
  const one = (f: (h: Holder) => boolean) => holders.find(f);
  const residential = holders.filter((h) => RESIDENTIAL.test(h.org_name));
  const cell = residential.length ? rng.pick(residential) : undefined;
  const cellName = cell?.org_name.replace(/^Chi bộ /, '') ?? 'xóm 1';
  const member = (h: Holder | undefined) =>
    h
      ? { subjectMemberId: h.member_id, subjectPosition: positionOf(h), cell: cellName }
      : { subjectName: 'Chưa rõ họ tên', cell: cellName };
  switch (about) {
    case 'chair':
      return member(one((h) => h.code === 'state_head' && h.title.startsWith('Chủ tịch Ủy ban nhân dân')));
    case 'vice':
      return member(one((h) => h.code === 'state_deputy'));
    case 'economy':
      return member(one((h) => h.code === 'department_head'));
    case 'land':
      return member(one((h) => h.title.includes('Địa chính')));
    case 'finance':
      return member(one((h) => h.title.includes('Tài chính')));
    case 'principal':
      return member(one((h) => h.title === 'Hiệu trưởng'));
    case 'stationHead':
      return member(one((h) => h.title === 'Trạm trưởng'));
    case 'cellSecretary':
      return member(residential.find((h) => h.code === 'secretary' && h.org_id === cell?.org_id));
    case 'cell':
      return cell ? { subjectOrgId: cell.org_id, cell: cellName } : { subjectName: 'Chi bộ xóm 1', cell: cellName };
    case 'named':
      return { subjectName: randomName(rng, 'male', '40'), subjectPosition: `Trưởng ${cellName}`, cell: cellName };
  }
}

const fill = (text: string, v: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

function senderOf(rng: Rng, identity: SenderIdentity, place: string, cell: string): SenderContact | null {
  if (identity === 'anonymous') return null;
  const phone = `09${rng.int(12, 98)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
  return { name: randomName(rng, rng.chance(0.6) ? 'male' : 'female', '40'), address: `${capitalise(cell)}, ${place}`, phone };
}
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Registers the demo letters inside the demo seed's transaction; returns how many. */
export async function seedDemoPetitions(ctx: AppContext, tx: Tx, communes: CommuneRef[], seed: number): Promise<number> {
  const rng = createRng(seed, 'demo-petitions');
  const actor = systemActor(null, 'Dữ liệu mẫu');
  const today = todayInVietnam();
  const province = await tx
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', communes[0]?.province_id as string)
    .executeTakeFirstOrThrow();
  let count = 0;
  const texts = new Map<string, string>();
  const holdersOf = new Map<string, Holder[]>();
  // In order of receipt, so that each body's register numbers its letters as they came.
  for (const [key, index, daysAgo, where, fate] of [...PLAN].sort((a, b) => b[2] - a[2])) {
    const commune = communes[index % communes.length] as CommuneRef;
    const letter = LETTERS[key] as Letter;
    const holders = holdersOf.get(commune.path) ?? (await holdersIn(tx, commune.path));
    holdersOf.set(commune.path, holders);
    const place = placeName(commune.name);
    const placeWithWord = `${communeWord(commune.name)} ${place}`;
    const { cell, ...subject } = subjectOf(letter.about, holders, rng);
    const person = holders.find((h) => h.member_id === subject.subjectMemberId);
    const name = person?.full_name ?? '';
    const honorific = person?.gender === 'female' ? 'bà' : 'ông';
    const cellOrg = subject.subjectOrgId ? (holders.find((h) => h.org_id === subject.subjectOrgId)?.org_name ?? '') : '';
    // A copy sent to the province is the same letter, word for word (domain.md §5: linked, not counted twice).
    const text =
      texts.get(`${key}:${index}`) ??
      fill(letter.text, {
        name: name || cellOrg || subject.subjectName || '',
        hon: honorific,
        Hon: capitalise(honorific),
        pos: subject.subjectPosition ?? '',
        place,
        word: communeWord(commune.name),
        where: placeWithWord,
        cell,
      });
    texts.set(`${key}:${index}`, text);
    const body = where === 'province' ? province : commune;
    const receivedOn = isoDay(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000);
    const reg = await registerPetition(ctx, tx, actor, SYSTEM_SCOPE, {
      bodyOrgId: body.id,
      kind: letter.kind,
      channel: letter.channel,
      receivedOn,
      sourceName: letter.source?.[0] ?? null,
      sourceRef: letter.source?.[1] ?? null,
      ...subject,
      title: letter.title,
      content: text,
      senderIdentity: letter.sender,
      senderAddressKnown: letter.sender === 'named',
      sender: senderOf(rng, letter.sender, placeWithWord, cell),
      secrecy: fate === 'marked' ? 1 : 0,
    });
    count++;
    // The commune's UBKT chair signs (a grassroots committee's chair has no "Đảng ủy" in the title).
    const chair = holders.find((h) => h.code === 'ubkt_chair' && h.title.includes('Đảng ủy'));
    await settle(
      ctx,
      tx,
      { id: reg.id, fate, letter, subject: holders.find((h) => h.member_id === subject.subjectMemberId), bodyPath: body.path, receivedOn },
      province,
      chair?.full_name ?? 'Nguyễn Văn An',
    );
  }
  return count;
}

/**
 * Screens the demo's special cases by the rule itself (domain/petitions/screening.ts) and records the decision
 * as the officers' API does: the facts, the result, the outcome, ground and status; a forwarded letter also
 * gets its forwarding slip.
 */
async function settle(
  ctx: AppContext,
  tx: Tx,
  p: { id: string; fate: Fate; letter: Letter; subject: Holder | undefined; bodyPath: string; receivedOn: string },
  province: { id: string; path: string },
  signer: string,
): Promise<void> {
  if (p.fate !== 'accepted_overdue' && p.fate !== 'kept' && p.fate !== 'forward') return;
  const form = {
    sender: p.letter.sender,
    addressKnown: p.letter.sender === 'named',
    specific: true,
    verifiable: true,
    concludedBefore: false,
    newEvidence: false,
    mixedComplaintAndDenunciation: false,
    withdrawn: false,
    withdrawalCoerced: false,
    // The commune's UBKT resolves itself a letter about a member of one of its cells.
    takeOver: p.fate === 'accepted_overdue',
  };
  const chain = p.subject
    ? await tx
        .selectFrom('org_unit')
        .select(['path', 'kind', 'name', 'has_inspection_committee'])
        .where(sql<boolean>`path @> ${p.subject.org_path}::ltree`)
        .execute()
    : [];
  const result = screen(
    {
      kind: p.letter.kind,
      sender: form.sender,
      addressKnown: form.addressKnown,
      specific: true,
      verifiable: true,
      // The commune's chair is a cadre the province manages (demo-plan.ts: managedByProvince).
      subject: p.subject
        ? { type: 'member', orgPath: p.subject.org_path, managedByPath: p.fate === 'forward' ? province.path : null }
        : null,
    },
    {
      bodyPath: p.bodyPath,
      orgs: chain.map((o) => ({ path: o.path, kind: o.kind as OrgKind, name: o.name, hasInspectionCommittee: o.has_inspection_committee })),
      takeOver: form.takeOver,
    },
  );
  const forwarded = result.outcome === 'forward' && result.forwardTo?.path === province.path;
  const screenedOn = isoDay(Date.parse(`${p.receivedOn}T00:00:00Z`) + 5 * 86_400_000);
  await tx
    .updateTable('petition')
    .set({
      screening_outcome: result.outcome,
      screening_ground: result.ground,
      status: result.status,
      screened_on: screenedOn,
      screening: JSON.stringify({
        facts: form,
        result: { ...result, forwardTo: result.forwardTo ? { ...result.forwardTo, orgId: forwarded ? province.id : null } : null },
      }),
      forward_org_id: forwarded ? province.id : null,
      forwarded_on: forwarded ? screenedOn : null,
    })
    .where('id', '=', p.id)
    .execute();
  if (forwarded)
    await generateForwardingLetter(ctx, tx, systemActor(null, 'Dữ liệu mẫu'), p.id, { signerName: signer, signerTitle: 'Chủ nhiệm' });
}
