// Duplicate and related letters through the database (issue #6, point 6; domain.md §5: a letter sent
// again is linked to the first, not counted twice). The labelled corpus (test/fixtures/petitions) is
// registered through registerPetition as a commune's officers would; the links made at registration are
// checked per variant the issue lists, the whole corpus is scored through the database path against the
// labels and against the in-memory DedupIndex, and a commune's letters stay out of another commune's
// checks (row-level security). Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PETITION_KIND_LABELS } from '../../common/petitions.ts';
import { inTransaction } from '../../server/src/db/context.ts';
import { DedupIndex, type Match, signature } from '../../server/src/domain/petitions/similarity/index.ts';
import { registerPetition } from '../../server/src/modules/petitions/intake.service.ts';
import { findSimilar } from '../../server/src/modules/petitions/similarity.service.ts';
import { systemActor } from '../../server/src/platform/access/actor.ts';
import type { Scope } from '../../server/src/platform/access/scope.ts';
import { loadCorpus } from '../fixtures/petitions/corpus.ts';
import { type CorpusLetter, pairLabel } from '../fixtures/petitions/types.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { orgByCode } from '../helpers/factories.ts';

const corpus = loadCorpus();
const scopeOf = (path: string): Scope => ({ system: false, paths: [path], clearance: 0 });

let ctx: TestDb;
let communeA: { id: string; path: string }; // Xã Đô Lương, Nghệ An: every corpus letter is registered here
let communeB: { id: string; path: string }; // Phường Thành Vinh, the same province
let province: string;
/** Corpus id → petition id, and back. */
const petitionOf = new Map<string, string>();
const letterOf = new Map<string, CorpusLetter>();
/** Links made when each letter was registered: newer petition → older petition → relation. */
const linksAtIntake = new Map<string, Map<string, string>>();

async function register(l: CorpusLetter, body: { id: string; path: string }) {
  return inTransaction(ctx.database.db, scopeOf(body.path), (tx) =>
    registerPetition(ctx, tx, systemActor(), scopeOf(body.path), {
      bodyOrgId: body.id,
      kind: l.kind,
      channel: 'post',
      receivedOn: '2026-11-20',
      subjectName: l.subject.name,
      title: `${PETITION_KIND_LABELS[l.kind]} về ${l.subject.name}`,
      content: l.text,
      senderIdentity: l.sender.type === 'named' ? 'named' : 'anonymous',
      senderAddressKnown: l.sender.type === 'named',
      sender: l.sender.type === 'named' ? { name: l.sender.name } : null,
    }),
  );
}

beforeAll(async () => {
  ctx = await testContext();
  communeA = await orgByCode(ctx, 'X17662');
  communeB = await orgByCode(ctx, 'X16681');
  province = (await orgByCode(ctx, 'T40')).path;
  for (const l of corpus) {
    const r = await register(l, communeA);
    petitionOf.set(l.id, r.id);
    letterOf.set(r.id, l);
  }
  const links = await inTransaction(ctx.database.db, scopeOf(province), (tx) =>
    tx.selectFrom('petition_link').select(['petition_id', 'other_id', 'relation']).execute(),
  );
  for (const k of links) linksAtIntake.set(k.petition_id, (linksAtIntake.get(k.petition_id) ?? new Map()).set(k.other_id, k.relation));
}, 600_000);
afterAll(async () => {
  await ctx?.close();
});

/** The relation recorded when `later` was registered, towards the earlier letter `first`. */
function linkAtIntake(later: CorpusLetter, first: CorpusLetter): string | undefined {
  return linksAtIntake.get(petitionOf.get(later.id) as string)?.get(petitionOf.get(first.id) as string);
}
const originalOf = (l: CorpusLetter) => corpus.find((x) => x.cluster === l.cluster && x.variant === 'original') as CorpusLetter;
const ofVariant = (v: CorpusLetter['variant']) => corpus.filter((l) => l.variant === v);

describe('letters linked when registered', () => {
  it('the same letter sent to several levels is a duplicate of the first', () => {
    const copies = ofVariant('level_copy').filter((l) => l.letter === originalOf(l).letter);
    expect(copies.length).toBeGreaterThan(20);
    for (const l of copies) expect([l.id, linkAtIntake(l, originalOf(l))]).toEqual([l.id, 'duplicate']);
  });

  it('a copy-paste campaign signed by other people is one letter: every copy is a duplicate of the first', () => {
    const campaign = ofVariant('campaign');
    expect(campaign.length).toBeGreaterThan(40);
    for (const l of campaign) expect([l.id, linkAtIntake(l, originalOf(l))]).toEqual([l.id, 'duplicate']);
  });

  it('a letter typed without diacritics (or in a hurry, with typos) is a duplicate of the same letter with them', () => {
    const plain = [...ofVariant('no_diacritics'), ...ofVariant('typos')];
    expect(plain.length).toBeGreaterThan(20);
    for (const l of plain) expect([l.id, linkAtIntake(l, originalOf(l))]).toEqual([l.id, 'duplicate']);
  });

  it('a letter re-sent months later with changes, and the matter retold by someone else, are related to the first', () => {
    const later = [...ofVariant('resend'), ...ofVariant('retold')];
    expect(later.length).toBeGreaterThan(20);
    const found = later.filter((l) => linkAtIntake(l, originalOf(l)) === 'related');
    // Three are known to be missed (docs/performance.md): a matter retold without its wording (cosine
    // 0.17 < 0.18 at any store size); a retelling registered when the store held 15 letters, where word
    // weights are still flat (linked once the corpus is in); a re-send that dropped the sentence naming
    // the person and shares 49 % of its word pairs, which no band key happens to catch.
    expect(found.length).toBeGreaterThanOrEqual(later.length - 3);
    for (const l of later) expect(linkAtIntake(l, originalOf(l))).not.toBe('duplicate');
  });

  it('different letters about the same person are never linked', () => {
    const originals = ofVariant('original');
    let samePerson = 0;
    for (const a of originals)
      for (const b of originals) {
        if (a.id >= b.id || a.subject.name !== b.subject.name) continue;
        samePerson++;
        expect([a.id, b.id, linkAtIntake(b, a)]).toEqual([a.id, b.id, undefined]);
      }
    expect(samePerson).toBeGreaterThanOrEqual(8);
    // Nor is any letter linked to a letter of another matter.
    for (const [later, others] of linksAtIntake)
      for (const other of others.keys())
        expect(pairLabel(letterOf.get(later) as CorpusLetter, letterOf.get(other) as CorpusLetter)).not.toBe('none');
  });
});

describe('the whole corpus through the database', () => {
  it('scores like the in-memory index and keeps its precision and recall (documented: 100 % / 97.8 %)', async () => {
    const memory = new DedupIndex();
    for (const l of corpus) memory.add(l.id, signature(l.text));
    const counts = { tp: 0, fp: 0, fn: 0 };
    let differences = 0;
    await inTransaction(ctx.database.db, scopeOf(province), async (tx) => {
      for (const q of corpus) {
        const db = await findSimilar(tx, q.text, petitionOf.get(q.id) as string);
        const mem = memory.query(signature(q.text), { excludeId: q.id }).matches;
        const asCorpus = (m: Match) => ({ ...m, id: letterOf.get(m.id)?.id as string });
        const got = db.matches.map(asCorpus);
        // The same letters, relations and numbers as the in-memory index (ties are ordered by id, and the
        // ids differ: compare by letter).
        const key = (ms: Match[]) => JSON.stringify(ms.map((m) => [m.id, m.relation]).sort());
        if (key(got) !== key(mem)) differences++;
        for (const m of got) {
          const same = mem.find((x) => x.id === m.id);
          expect(m.cosine).toBeCloseTo(same?.cosine ?? Number.NaN, 9);
          expect(m.resemblance).toBeCloseTo(same?.resemblance ?? Number.NaN, 9);
        }
        const found = new Set(got.map((m) => m.id));
        for (const l of corpus) {
          if (l.id === q.id) continue;
          const mate = pairLabel(q, l) !== 'none';
          if (mate && found.has(l.id)) counts.tp++;
          else if (found.has(l.id)) counts.fp++;
          else if (mate) counts.fn++;
        }
      }
    });
    expect(differences).toBe(0);
    const precision = counts.tp / (counts.tp + counts.fp);
    const recall = counts.tp / (counts.tp + counts.fn);
    console.log(`database path over ${corpus.length} letters: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`, counts);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

describe('scope (row-level security)', () => {
  const copy = () => corpus.find((l) => l.variant === 'level_copy') as CorpusLetter;

  it("a letter registered at a commune is not found from another commune's scope, and is from the province above", async () => {
    const q = copy();
    const elsewhere = await inTransaction(ctx.database.db, scopeOf(communeB.path), (tx) => findSimilar(tx, q.text, null));
    expect(elsewhere.candidates).toBe(0);
    expect(elsewhere.matches).toEqual([]);
    const above = await inTransaction(ctx.database.db, scopeOf(province), (tx) => findSimilar(tx, q.text, null));
    const first = petitionOf.get(originalOf(q).id) as string;
    expect(above.matches.find((m) => m.id === first)?.relation).toBe('duplicate');
  });

  it("a copy registered by the other commune is not linked to the first commune's letter; the province's check links both", async () => {
    const q = copy();
    const r = await register(q, communeB);
    expect([r.duplicates, r.related]).toEqual([0, 0]);
    const above = await inTransaction(ctx.database.db, scopeOf(province), (tx) => findSimilar(tx, q.text, petitionOf.get(q.id) as string));
    const ids = above.matches.filter((m) => m.relation === 'duplicate').map((m) => m.id);
    expect(ids).toContain(petitionOf.get(originalOf(q).id));
    expect(ids).toContain(r.id);
  });
});
