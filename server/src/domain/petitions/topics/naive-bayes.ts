// The topic model: multinomial naive Bayes over binarised features, Laplace (add-one) smoothing. Pure.
//
// Why naive Bayes rather than a logistic regression: the labelled sets are small (tens of letters per
// topic at first), where NB is known to do as well or better (Ng & Jordan 2001); training is one pass of
// counting, so a refit after officers' corrections is exact and instant (counts are additive: training
// on the old set plus the corrections gives the same model as adding the corrections' counts); and the
// model is plain counts, easy to keep in the database as JSON and to inspect. Features are binarised
// (counted once per letter), which works better than raw counts on short texts (Wang & Manning 2012).
import { features, isUnaccented } from './tokenize.ts';
import { isPetitionTopic, type LabelledLetter, PETITION_TOPICS, type PetitionTopic } from './topics.ts';

export interface TopicModel {
  /** Letters learnt per topic. */
  readonly docs: Record<PetitionTopic, number>;
  /** Feature occurrences per topic (the multinomial's denominators). */
  readonly totals: Record<PetitionTopic, number>;
  /** Per feature, its count in each topic, in PETITION_TOPICS order. */
  readonly counts: Map<string, number[]>;
}

export interface TopicPrediction {
  topic: PetitionTopic;
  /** Posterior of the chosen topic, 0–1 (tempered: see TEMPERATURE). */
  confidence: number;
  /** Posterior per topic, summing to 1. */
  scores: Record<PetitionTopic, number>;
}

/**
 * Each syllable yields four correlated features (unigram and bigram, as written and folded; two for a
 * letter without diacritics), which NB multiplies as if independent: its raw posteriors are near 0 or 1.
 * Dividing the log-likelihood by the number of copies gives confidences that track held-out accuracy
 * (see topics.test.ts), so "unsure" means something.
 */
const copiesPerSyllable = (text: string): number => (isUnaccented(text) ? 2 : 4);
const ALPHA = 1;

const zeroes = (): Record<PetitionTopic, number> => Object.fromEntries(PETITION_TOPICS.map((t) => [t, 0])) as Record<PetitionTopic, number>;

export function emptyModel(): TopicModel {
  return { docs: zeroes(), totals: zeroes(), counts: new Map() };
}

function distinctFeatures(text: string): Set<string> {
  return new Set(features(text));
}

/**
 * A new model: the old counts plus (sign 1) or minus (sign -1) the letters'. The input model is not
 * changed. Removing a letter the model never learnt under that topic would leave negative counts: refused.
 */
function applyLetters(model: TopicModel, letters: readonly LabelledLetter[], sign: 1 | -1): TopicModel {
  const docs = { ...model.docs };
  const totals = { ...model.totals };
  const counts = new Map<string, number[]>();
  for (const [f, row] of model.counts) counts.set(f, [...row]);
  for (const letter of letters) {
    if (!isPetitionTopic(letter.topic)) throw new Error(`unknown topic: ${String(letter.topic)}`);
    const k = PETITION_TOPICS.indexOf(letter.topic);
    docs[letter.topic] += sign;
    for (const f of distinctFeatures(letter.text)) {
      let row = counts.get(f);
      if (!row) {
        row = PETITION_TOPICS.map(() => 0);
        counts.set(f, row);
      }
      row[k]! += sign;
      totals[letter.topic] += sign;
      if (row[k]! < 0) throw new Error('topic model: removing a letter it has not learnt under that topic');
      if (row.every((c) => c === 0)) counts.delete(f);
    }
    if (docs[letter.topic] < 0) throw new Error('topic model: removing a letter it has not learnt under that topic');
  }
  return { docs, totals, counts };
}

export function train(letters: readonly LabelledLetter[]): TopicModel {
  return applyLetters(emptyModel(), letters, 1);
}

/** An officer's correction: the letter and its right topic; `learntAs` when the model had already learnt it under another. */
export interface TopicCorrection extends LabelledLetter {
  learntAs?: PetitionTopic;
}

/**
 * Officers' corrections join the training set and the model refits. Usually a correction is a letter
 * the model only predicted (not learnt); a letter already learnt under another topic (`learntAs`: an
 * earlier correction changed again) is first taken out. Because NB is counts, the refit equals training
 * from scratch on the old letters plus these, without keeping the old letters' text in the model.
 */
export function retrain(model: TopicModel, corrections: readonly TopicCorrection[]): TopicModel {
  const relabelled = corrections.flatMap((c) => (c.learntAs && c.learntAs !== c.topic ? [{ text: c.text, topic: c.learntAs }] : []));
  const kept = corrections.filter((c) => c.learntAs !== c.topic);
  return applyLetters(applyLetters(model, relabelled, -1), kept, 1);
}

export function labelledCount(model: TopicModel): number {
  return PETITION_TOPICS.reduce((sum, t) => sum + model.docs[t], 0);
}

export function predict(model: TopicModel, text: string): TopicPrediction {
  const n = labelledCount(model);
  const vocabulary = model.counts.size;
  const log = PETITION_TOPICS.map((t) => Math.log((model.docs[t] + ALPHA) / (n + ALPHA * PETITION_TOPICS.length)));
  const likelihood = PETITION_TOPICS.map(() => 0);
  for (const f of distinctFeatures(text)) {
    // A feature never seen in training says nothing about any topic: skipped, as usual for NB.
    const row = model.counts.get(f);
    if (!row) continue;
    PETITION_TOPICS.forEach((t, k) => {
      likelihood[k]! += Math.log((row[k]! + ALPHA) / (model.totals[t] + ALPHA * vocabulary));
    });
  }
  const temperature = copiesPerSyllable(text);
  const joint = log.map((p, k) => p + likelihood[k]! / temperature);
  const max = Math.max(...joint);
  const exp = joint.map((j) => Math.exp(j - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const scores = zeroes();
  let best = 0;
  PETITION_TOPICS.forEach((t, k) => {
    scores[t] = exp[k]! / sum;
    if (exp[k]! > exp[best]!) best = k;
  });
  const topic = PETITION_TOPICS[best]!;
  return { topic, confidence: scores[topic], scores };
}

const FORMAT = 'ktgs.petition-topics.nb';

/** JSON for the database: counts only, no letter text. */
export function serialize(model: TopicModel): string {
  return JSON.stringify({
    format: FORMAT,
    version: 1,
    topics: PETITION_TOPICS,
    docs: model.docs,
    totals: model.totals,
    counts: Object.fromEntries(model.counts),
  });
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Reads what serialize() wrote; throws on anything else rather than predicting from a damaged model. */
export function deserialize(json: string): TopicModel {
  const data = JSON.parse(json) as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null) throw new Error('not a topic model');
  if (data.format !== FORMAT || data.version !== 1) throw new Error('not a topic model');
  const topics = data.topics;
  if (!Array.isArray(topics) || topics.join() !== PETITION_TOPICS.join()) throw new Error('topic model: other topics');
  const docs = zeroes();
  const totals = zeroes();
  const rawDocs = (data.docs ?? {}) as Record<string, unknown>;
  const rawTotals = (data.totals ?? {}) as Record<string, unknown>;
  for (const t of PETITION_TOPICS) {
    const d = rawDocs[t];
    const s = rawTotals[t];
    if (!isCount(d) || !isCount(s)) throw new Error('topic model: bad counts');
    docs[t] = d;
    totals[t] = s;
  }
  const counts = new Map<string, number[]>();
  for (const [f, row] of Object.entries((data.counts ?? {}) as Record<string, unknown>)) {
    if (!Array.isArray(row) || row.length !== PETITION_TOPICS.length || !row.every(isCount)) throw new Error('topic model: bad feature');
    counts.set(f, row as number[]);
  }
  return { docs, totals, counts };
}
