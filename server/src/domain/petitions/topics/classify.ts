// Which classifier answers for a letter: the trained model when it has learnt enough of every topic and
// is sure, else the keyword lexicon. Pure: no I/O. The answer says which was used and why.
import { classifyByLexicon } from './lexicon.ts';
import { predict, type TopicModel } from './naive-bayes.ts';
import { PETITION_TOPICS, type PetitionTopic } from './topics.ts';

/**
 * Below this many labelled letters in some topic the model has not seen enough of it to compete, and
 * would never propose it: the lexicon answers. Configurable per call.
 */
export const MIN_LETTERS_PER_TOPIC = 10;
/**
 * Below this posterior the model is unsure: on the held-out letters it was right on 50 of the 53 letters
 * above 0.7 but only 4 of the 7 below, where the lexicon (76 % on all the letters) does better.
 */
export const MIN_CONFIDENCE = 0.7;

export type TopicMethod = 'model' | 'lexicon';
export type TopicReason = 'no-model' | 'too-few-labels' | 'confident' | 'unsure' | 'unsure-no-keyword';

export interface TopicClassification {
  topic: PetitionTopic;
  confidence: number;
  scores: Record<PetitionTopic, number>;
  method: TopicMethod;
  reason: TopicReason;
  /** Keywords found, when the lexicon answered. */
  matched: string[];
}

export interface ClassifyOptions {
  minLettersPerTopic?: number;
  minConfidence?: number;
}

/** Topics with fewer labelled letters than the minimum (the model is not used while any remain). */
export function underLabelledTopics(model: TopicModel, min = MIN_LETTERS_PER_TOPIC): PetitionTopic[] {
  return PETITION_TOPICS.filter((t) => model.docs[t] < min);
}

export function classify(text: string, model: TopicModel | null, options: ClassifyOptions = {}): TopicClassification {
  const minLetters = options.minLettersPerTopic ?? MIN_LETTERS_PER_TOPIC;
  const minConfidence = options.minConfidence ?? MIN_CONFIDENCE;
  if (model === null || underLabelledTopics(model, minLetters).length > 0) {
    const lex = classifyByLexicon(text);
    return { ...lex, method: 'lexicon', reason: model === null ? 'no-model' : 'too-few-labels' };
  }
  const guess = predict(model, text);
  if (guess.confidence >= minConfidence) return { ...guess, method: 'model', reason: 'confident', matched: [] };
  const lex = classifyByLexicon(text);
  // The lexicon overrides an unsure model only when it found something; otherwise the model's best guess
  // (still marked unsure) beats a bare "other".
  if (lex.matched.length > 0) return { ...lex, method: 'lexicon', reason: 'unsure' };
  return { ...guess, method: 'model', reason: 'unsure-no-keyword', matched: [] };
}
