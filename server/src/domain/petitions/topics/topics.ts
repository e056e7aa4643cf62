// The petition topics of issue #6 point 7: the catalogue is common/petitions.ts (server and web read it).
import { PETITION_TOPICS, type PetitionTopic } from '../../../../../common/petitions.ts';

export { PETITION_TOPIC_LABELS, PETITION_TOPICS, type PetitionTopic } from '../../../../../common/petitions.ts';

export function isPetitionTopic(value: unknown): value is PetitionTopic {
  return typeof value === 'string' && (PETITION_TOPICS as readonly string[]).includes(value);
}

/** A labelled letter: for training, or an officer's correction of a predicted topic. */
export interface LabelledLetter {
  text: string;
  topic: PetitionTopic;
}
