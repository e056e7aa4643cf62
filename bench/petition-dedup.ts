// Petition de-duplication: quality on the labelled corpus and latency at scale, against a brute-force
// trigram baseline (the idea of pg_trgm `similarity()`) run in the same process. Never part of `npm test`.
// Usage: node bench/petition-dedup.ts [--sizes 100000,1000000] [--queries 300] [--baseline 100000]
// Method and figures: docs/performance.md, "Petitions: duplicates".
import os from 'node:os';
import { parseArgs } from 'node:util';
import {
  compare,
  DedupIndex,
  fold,
  letterBody,
  type Signature,
  signature,
  type Thresholds,
} from '../server/src/domain/petitions/similarity/index.ts';
import { loadCorpus } from '../test/fixtures/petitions/corpus.ts';
import { type CorpusLetter, pairLabel } from '../test/fixtures/petitions/types.ts';
import { log, quantile } from './lib.ts';
import { letterMaker } from './petition-letters.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '300' },
    baseline: { type: 'string', default: '100000' },
  },
});
const sizes = (values.sizes ?? '').split(',').filter(Boolean).map(Number);
const queryCount = Number(values.queries);
const baselineCap = Number(values.baseline);

// ---- pg_trgm-like trigram similarity: words lower-cased (no diacritic folding, as pg_trgm), padded
// with two spaces before and one after, Jaccard of the trigram sets.
function trigrams(text: string): Uint32Array {
  const set = new Set<number>();
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w) continue;
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) {
      let h = 0x811c9dc5;
      for (let k = i; k < i + 3; k++) h = Math.imul(h ^ p.charCodeAt(k), 0x01000193);
      set.add(h >>> 0);
    }
  }
  return Uint32Array.from(set).sort();
}
function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      s++;
      i++;
      j++;
    } else if ((a[i] as number) < (b[j] as number)) i++;
    else j++;
  }
  return s / (a.length + b.length - s || 1);
}

// ---- pair metrics on one split
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const prf = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f1: (2 * p * r) / (p + r || 1) };
};
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

const corpus = loadCorpus();
const sigs = corpus.map((l) => signature(l.text));
const full = new DedupIndex();
corpus.forEach((l, i) => {
  full.add(l.id, sigs[i] as Signature);
});
const tri = corpus.map((l) => trigrams(l.text));
// A fairer variant of the baseline: trigrams of the content only (frame removed), diacritics folded.
const triBody = corpus.map((l) => trigrams(fold(letterBody(l.text))));

function pairsOf(split: 'tune' | 'test'): Array<[number, number]> {
  const ix = corpus.map((l, i) => (l.split === split ? i : -1)).filter((i) => i >= 0);
  const out: Array<[number, number]> = [];
  for (let a = 0; a < ix.length; a++) for (let b = a + 1; b < ix.length; b++) out.push([ix[a] as number, ix[b] as number]);
  return out;
}

function evaluate(split: 'tune' | 'test', th: Thresholds) {
  const linked: Counts = { tp: 0, fp: 0, fn: 0 };
  const dup: Counts = { tp: 0, fp: 0, fn: 0 };
  const related: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [i, j] of pairsOf(split)) {
    const truth = pairLabel(corpus[i] as CorpusLetter, corpus[j] as CorpusLetter);
    const got = compare(sigs[i] as Signature, sigs[j] as Signature, full.stats, th).relation;
    const tally = (c: Counts, t: boolean, g: boolean) => {
      if (t && g) c.tp++;
      else if (g) c.fp++;
      else if (t) c.fn++;
    };
    tally(linked, truth !== 'none', got !== 'none');
    tally(dup, truth === 'duplicate', got === 'duplicate');
    tally(related, truth === 'related', got === 'related');
  }
  return { linked: prf(linked), duplicate: prf(dup), related: prf(related), counts: linked };
}

function evaluateBaseline(split: 'tune' | 'test', threshold: number, sets = tri) {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [i, j] of pairsOf(split)) {
    const t = pairLabel(corpus[i] as CorpusLetter, corpus[j] as CorpusLetter) !== 'none';
    const g = jaccardSorted(sets[i] as Uint32Array, sets[j] as Uint32Array) >= threshold;
    if (t && g) c.tp++;
    else if (g) c.fp++;
    else if (t) c.fn++;
  }
  return prf(c);
}

log(
  `# Petition de-duplication, ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
);
const count = (s: string) => corpus.filter((l) => l.split === s).length;
log(
  `corpus: ${corpus.length} letters, ${new Set(corpus.map((l) => l.cluster)).size} matters; tune ${count('tune')}, test ${count('test')}`,
);

// 1. Tune on `tune`: the duplicate threshold for the best duplicate F1, then the related one for the best linked F1.
// Ties are broken by the middle of the plateau of best thresholds (the widest margin both ways).
function tuneOne(from: number, to: number, step: number, score: (t: number) => number): number {
  const grid: Array<[number, number]> = [];
  for (let t = from; t <= to + 1e-9; t += step) grid.push([t, score(t)]);
  const top = Math.max(...grid.map((g) => g[1]));
  const plateau = grid.filter((g) => g[1] >= top - 1e-9).map((g) => g[0]);
  return Number((plateau[Math.floor((plateau.length - 1) / 2)] as number).toFixed(2));
}
const dupTh = tuneOne(0.3, 0.95, 0.05, (d) => evaluate('tune', { duplicate: d, related: 2 }).duplicate.f1);
const best: Thresholds = {
  duplicate: dupTh,
  related: tuneOne(0.05, 0.6, 0.01, (r) => evaluate('tune', { duplicate: dupTh, related: r }).linked.f1),
};
const baseTh = tuneOne(0.05, 0.95, 0.01, (t) => evaluateBaseline('tune', t).f1);
const bodyTh = tuneOne(0.05, 0.95, 0.01, (t) => evaluateBaseline('tune', t, triBody).f1);
log(
  `tuned on "tune": duplicate ≥ ${best.duplicate.toFixed(2)} word-pair Jaccard, related ≥ ${best.related.toFixed(2)} weighted cosine; trigram baseline ≥ ${baseTh.toFixed(2)} (content only, folded: ≥ ${bodyTh.toFixed(2)})`,
);

// 2. Evaluate on the held-out `test` letters (all pairs).
const held = evaluate('test', best);
const baseHeld = evaluateBaseline('test', baseTh);
log('\nheld-out pairs (test split)        precision   recall     F1');
const row = (name: string, m: { p: number; r: number; f1: number }) =>
  log(`${name.padEnd(34)} ${pct(m.p).padStart(9)} ${pct(m.r).padStart(9)} ${pct(m.f1).padStart(9)}`);
row('engine: linked (dup or related)', held.linked);
row('engine: duplicate (same letter)', held.duplicate);
row('engine: related (same matter)', held.related);
row('trigram baseline: linked', baseHeld);
row('trigram on folded content: linked', evaluateBaseline('test', bodyTh, triBody));
log(`(${held.counts.tp + held.counts.fn} true linked pairs among ${pairsOf('test').length})`);

// 3. Candidate retrieval through the index (LSH bands + names) vs scoring every pair.
let reach = 0;
let reachTotal = 0;
for (let i = 0; i < corpus.length; i++) {
  if (corpus[i]?.split !== 'test') continue;
  const found = new Set(full.query(sigs[i] as Signature, { excludeId: corpus[i]?.id, thresholds: best }).matches.map((m) => m.id));
  for (let j = 0; j < corpus.length; j++) {
    if (j === i || pairLabel(corpus[i] as CorpusLetter, corpus[j] as CorpusLetter) === 'none') continue;
    if (compare(sigs[i] as Signature, sigs[j] as Signature, full.stats, best).relation === 'none') continue;
    reachTotal++;
    if (found.has(corpus[j]?.id as string)) reach++;
  }
}
log(
  `index retrieval: ${reach} of ${reachTotal} pairs the precise score links are found through the band/name keys (${pct(reach / reachTotal)})`,
);

// 4. Scale: background letters made from sentences of the `tune` letters, with fresh names and numbers
// (so no background letter repeats a held-out matter), plus the `test` letters; each `test` letter is
// then checked against everything stored.
const { synthetic } = letterMaker(corpus);

const queries = corpus.filter((l) => l.split === 'test').slice(0, queryCount);
for (const size of sizes) {
  const idx = new DedupIndex(best);
  const baseline: Uint32Array[] = [];
  const t0 = performance.now();
  const test = corpus.filter((l) => l.split === 'test');
  // The baseline's sample always holds the held-out letters (its first entries), then background.
  for (const l of test) baseline.push(tri[corpus.indexOf(l)] as Uint32Array);
  for (let i = 0; i < size - test.length; i++) {
    const text = synthetic();
    idx.add(`S${i}`, signature(text));
    if (baseline.length < baselineCap) baseline.push(trigrams(text));
  }
  for (const l of test) idx.add(l.id, sigs[corpus.indexOf(l)] as Signature);
  const buildS = (performance.now() - t0) / 1000;
  const lat: number[] = [];
  const cand: number[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const q of queries) {
    const s = performance.now();
    const r = idx.query(signature(q.text), { excludeId: q.id });
    lat.push(performance.now() - s);
    cand.push(r.candidates);
    const got = new Set(r.matches.map((m) => m.id));
    for (const l of test) if (l.id !== q.id && pairLabel(q, l) !== 'none') got.has(l.id) ? tp++ : fn++;
    for (const id of got) if (id.startsWith('S') || pairLabel(q, corpus.find((l) => l.id === id) as CorpusLetter) === 'none') fp++;
  }
  const bl: number[] = [];
  let btp = 0;
  let bfn = 0;
  let bfp = 0;
  const testIds = new Map(test.map((l, k) => [k, l]));
  for (const q of queries.slice(0, Math.min(queries.length, 40))) {
    const s = performance.now();
    const qt = trigrams(q.text);
    const hits: number[] = [];
    for (let k = 0; k < baseline.length; k++) if (jaccardSorted(qt, baseline[k] as Uint32Array) >= baseTh) hits.push(k);
    bl.push(performance.now() - s);
    const hitIds = new Set(hits.map((k) => testIds.get(k)?.id ?? `S${k}`));
    for (const l of test) if (l.id !== q.id && pairLabel(q, l) !== 'none') hitIds.has(l.id) ? btp++ : bfn++;
    for (const id of hitIds)
      if (id !== q.id && (id.startsWith('S') || pairLabel(q, test.find((l) => l.id === id) as CorpusLetter) === 'none')) bfp++;
  }
  const mem = process.memoryUsage();
  log(
    `\n## ${size.toLocaleString('vi-VN')} stored letters (built in ${buildS.toFixed(1)} s, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB, array buffers ${(mem.arrayBuffers / 2 ** 20).toFixed(0)} MiB)`,
  );
  log(
    `engine (LSH + names → precise score): p50 ${quantile(lat, 0.5).toFixed(2)} ms, p95 ${quantile(lat, 0.95).toFixed(2)} ms, candidates scored p50 ${Math.round(quantile(cand, 0.5))} / p95 ${Math.round(quantile(cand, 0.95))}; ` +
      `recall ${pct(tp / (tp + fn))}, precision ${pct(tp / (tp + fp || 1))} over ${queries.length} held-out letters`,
  );
  log(
    `trigram brute force over ${baseline.length.toLocaleString('vi-VN')} stored: p50 ${quantile(bl, 0.5).toFixed(1)} ms, p95 ${quantile(bl, 0.95).toFixed(1)} ms` +
      `${baseline.length < size ? ` (× ${(size / baseline.length).toFixed(0)} for all ${size.toLocaleString('vi-VN')}: about ${((quantile(bl, 0.5) * size) / baseline.length).toFixed(0)} ms)` : ''}; ` +
      `recall ${pct(btp / (btp + bfn))}, precision ${pct(btp / (btp + bfp || 1))} over ${bl.length} held-out letters`,
  );
}
