// One step per kind of import: read the rows and check what needs the whole registry (before the
// transaction), then inside it look up what the rows name, plan, and write.

import { todayInVietnam } from '../../../../common/dates.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { membersUnderDiscipline } from '../discipline/registry-hook.ts';
import * as members from './members.repository.ts';
import { planMembers, readMemberRows } from './members-plan.ts';
import { planOrgs, readOrgRows } from './orgs-plan.ts';
import * as orgsPosts from './orgs-posts.repository.ts';
import type { RowError, SheetRow } from './parse.ts';
import { planPosts, readPostRows } from './posts-plan.ts';
import { type ImportKind, TEMPLATES } from './templates.ts';

export interface Planned {
  created: number;
  updated: number;
  unchanged: number;
  /** A path the import touches, to file the run under the right part of the importer's scope. */
  hint: string | null;
  write(tx: Tx): Promise<void>;
}

export interface Step {
  plan(tx: Tx): Promise<Planned>;
}

const uniq = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
const headerOf = (kind: ImportKind) => {
  const m = new Map(TEMPLATES[kind].map((c) => [c.key, c.header]));
  return (key: string) => m.get(key) ?? key;
};
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function membersStep(ctx: AppContext, rows: SheetRow[], errors: RowError[], fileName: string): Promise<Step> {
  const cands = readMemberRows(rows, ctx.keyring, errors);
  const hashes = uniq(cands.map((c) => c.hash));
  const cards = uniq(cands.map((c) => c.partyCardNo));
  // Uniqueness is national: a CCCD held by a member outside the scope must be named, not hit as a 409.
  const taken = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => members.takenMemberKeys(tx, hashes, cards));
  return {
    async plan(tx) {
      const orgs = new Map((await members.orgsByCodes(tx, uniq(cands.map((c) => c.orgCode)))).map((o) => [o.code, o]));
      const stored = await members.membersByKeys(tx, { hashes, cards, names: [], births: [] });
      const known = new Set(stored.flatMap((m) => [m.cccd_hash?.toString('hex'), m.party_card_no]));
      // Name and birth date only for rows that neither key found (the third way to recognise a person).
      const rest = cands.filter((c) => c.nameKey && !known.has(c.hashHex ?? '') && !known.has(c.partyCardNo ?? ''));
      if (rest.length) {
        const names = rest.map((c) => c.fullName);
        const births = rest.map((c) => c.birthDate as string);
        stored.push(...(await members.membersByKeys(tx, { hashes: [], cards: [], names, births })));
      }
      const day = todayInVietnam();
      const underDiscipline = await membersUnderDiscipline(
        tx,
        stored.map((m) => m.id),
      );
      const p = planMembers(
        cands,
        { orgs, stored, taken, ring: ctx.keyring, today: day, reason: `Nhập từ tệp ${fileName}`, underDiscipline },
        errors,
        headerOf('members'),
      );
      return {
        created: p.inserts.length,
        updated: p.updates.length,
        unchanged: p.unchanged,
        hint: orgs.values().next().value?.path ?? null,
        async write(w) {
          await members.insertMembers(w, p.inserts);
          await members.updateMembers(w, p.updates);
          const transfers = [...p.openings];
          if (p.moved.length) {
            const open = new Map(
              (
                await members.openTransfers(
                  w,
                  p.moved.map((m) => m.member_id),
                )
              ).map((o) => [o.member_id, o]),
            );
            const close: string[] = [];
            const retarget: { id: string; org_id: string }[] = [];
            for (const m of p.moved) {
              const o = open.get(m.member_id);
              if (o && o.from_date >= day) retarget.push({ id: o.id, org_id: m.org_id });
              else {
                if (o) close.push(o.id);
                transfers.push({ ...m, from_date: day, reason: `Chuyển sinh hoạt (nhập từ tệp ${fileName})` });
              }
            }
            await members.closeTransfers(w, close, dayBefore(day));
            await members.retargetTransfers(w, retarget);
          }
          await members.insertTransfers(w, transfers);
        },
      };
    },
  };
}

async function orgsStep(ctx: AppContext, rows: SheetRow[], errors: RowError[]): Promise<Step> {
  const broken = new Map<string, number>();
  const cands = readOrgRows(rows, errors, broken);
  const codes = uniq(cands.map((c) => c.code));
  const taken = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => members.takenOrgCodes(tx, codes));
  return {
    async plan(tx) {
      const stored = await members.orgsByCodes(tx, uniq([...codes, ...cands.map((c) => c.parentCode)]));
      const p = planOrgs(cands, new Map(stored.map((o) => [o.code, o])), taken, broken, errors, headerOf('orgs'));
      return {
        created: p.inserts.length,
        updated: p.updates.length,
        unchanged: p.unchanged,
        hint: p.inserts[0]?.path ?? p.updates[0]?.path ?? null,
        async write(w) {
          await orgsPosts.insertOrgs(w, p.inserts);
          await orgsPosts.updateOrgs(w, p.updates);
        },
      };
    },
  };
}

async function postsStep(ctx: AppContext, rows: SheetRow[], errors: RowError[]): Promise<Step> {
  const cands = readPostRows(rows, ctx.keyring, errors);
  return {
    async plan(tx) {
      const found = await members.membersByKeys(tx, {
        hashes: uniq(cands.map((c) => c.hash)),
        cards: uniq(cands.map((c) => c.partyCardNo)),
        names: [],
        births: [],
      });
      const orgs = new Map((await members.orgsByCodes(tx, uniq(cands.map((c) => c.orgCode)))).map((o) => [o.code, o]));
      const posts = await orgsPosts.postsOfMembers(
        tx,
        found.map((m) => m.id),
      );
      const underDiscipline = await membersUnderDiscipline(
        tx,
        found.map((m) => m.id),
      );
      const p = planPosts(cands, { members: found, orgs, posts, underDiscipline }, errors, headerOf('posts'));
      return {
        created: p.inserts.length,
        updated: p.updates.length,
        unchanged: p.unchanged,
        hint: null,
        async write(w) {
          await orgsPosts.insertPosts(w, p.inserts);
          await orgsPosts.updatePosts(w, p.updates);
        },
      };
    },
  };
}

export function prepareStep(kind: ImportKind, ctx: AppContext, rows: SheetRow[], errors: RowError[], fileName: string): Promise<Step> {
  if (kind === 'members') return membersStep(ctx, rows, errors, fileName);
  if (kind === 'orgs') return orgsStep(ctx, rows, errors);
  return postsStep(ctx, rows, errors);
}
