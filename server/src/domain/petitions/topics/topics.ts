// The petition topics of issue #6 point 7 and their Vietnamese labels. Pure: no I/O.
export const PETITION_TOPICS = ['land', 'finance', 'personnel', 'ethics', 'procurement', 'other'] as const;
export type PetitionTopic = (typeof PETITION_TOPICS)[number];

export const PETITION_TOPIC_LABELS: Record<PetitionTopic, string> = {
  land: 'Đất đai',
  finance: 'Tài chính, ngân sách',
  personnel: 'Công tác cán bộ',
  ethics: 'Đạo đức, lối sống',
  procurement: 'Đấu thầu, mua sắm',
  other: 'Khác',
};

export function isPetitionTopic(value: unknown): value is PetitionTopic {
  return typeof value === 'string' && (PETITION_TOPICS as readonly string[]).includes(value);
}

/** A labelled letter: for training, or an officer's correction of a predicted topic. */
export interface LabelledLetter {
  text: string;
  topic: PetitionTopic;
}
