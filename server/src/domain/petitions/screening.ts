// Screening a petition (domain.md §5; issue #6, point 3): what the receiving body does with it and on which
// ground. Pure: the facts an officer establishes and the organisation chain come in; a decision comes out,
// always with its ground code and a Vietnamese explanation citing the rule.
import {
  type PetitionKind,
  type PetitionStatus,
  SCREENING_GROUND_LABELS,
  SCREENING_OUTCOME_STATUS,
  type ScreeningForm,
  type ScreeningGround,
  type ScreeningOutcome,
} from '../../../../common/petitions.ts';
import { type CompetentBody, competentBody, competentForComplaint, isAbove, type OrgNode, type PetitionSubject } from './competence.ts';

/** What the officer establishes from the letter. */
export type LetterFacts = {
  kind: PetitionKind;
  /** Signed with the sender's real name, unsigned (giấu tên), or under someone else's name (mạo tên). */
  sender: 'named' | 'anonymous' | 'false_name';
  /** The sender's address is known, so the body can work with them and answer. */
  addressKnown: boolean;
  /** Who the letter is about, when found in the registry; null when only named (then an officer decides). */
  subject: PetitionSubject | null;
  /** The content names people, acts, times or places concretely. */
  specific: boolean;
  /** There is a basis to check the content (documents, witnesses, records). */
  verifiable: boolean;
  /** The matter was already examined and concluded by a competent level. */
  concludedBefore?: { newEvidence: boolean } | null;
  /** A letter of one kind that also carries the other: a denunciation with a complaint, or the reverse. */
  mixedComplaintAndDenunciation?: boolean;
  /** For a discipline complaint: the organisation that took the disciplinary decision. */
  disciplineDecidedByPath?: string | null;
  /** The sender asked to withdraw; `coerced` when threatened, forced or bought (bị đe dọa, ép buộc, mua chuộc). */
  withdrawal?: { coerced: boolean } | null;
};

export type ScreeningContext = {
  /** The organisation of the body screening the letter. */
  bodyPath: string;
  /** The organisation chain the competent body is looked up in (at least the subject's ancestors). */
  orgs: readonly OrgNode[];
  /** A higher level decides to resolve a letter about a lower level itself (cấp trên trực tiếp giải quyết). */
  takeOver?: boolean;
};

export type ScreeningPart = {
  kind: PetitionKind;
  /** `accept`: this part is handled; `guide`: the writer is guided to send it separately. */
  handling: 'accept' | 'guide';
  explanation: string;
};

export type Screening = {
  outcome: ScreeningOutcome;
  ground: ScreeningGround;
  /** Vietnamese, with the rule it rests on; shown to the officer and recorded with the decision. */
  explanation: string;
  status: PetitionStatus;
  /** Kept as information about the subject: link it to the subject's record. */
  linkToSubject: boolean;
  /** Specific content in a letter that is not handled as a denunciation may still warrant an inspection on signs. */
  mayLeadToInspection: boolean;
  /** The sender is told of the decision (only possible with a known address). */
  tellSender: boolean;
  forwardTo: CompetentBody | null;
  /** For a split letter: the complaint handled, the denunciation to be sent separately. */
  parts: ScreeningPart[];
  /** Handling continues although the sender withdrew, because the withdrawal was coerced. */
  coercedWithdrawal: boolean;
};

const BASIS = 'Quy định 296-QĐ/TW và hướng dẫn của Ủy ban Kiểm tra Trung ương về giải quyết tố cáo';

function decision(
  outcome: ScreeningOutcome,
  ground: ScreeningGround,
  explanation: string,
  facts: LetterFacts,
  extra: Partial<Screening> = {},
): Screening {
  return {
    outcome,
    ground,
    explanation: `${SCREENING_GROUND_LABELS[ground]}: ${explanation}`,
    status: SCREENING_OUTCOME_STATUS[outcome],
    linkToSubject: false,
    mayLeadToInspection: false,
    tellSender: facts.sender === 'named' && facts.addressKnown,
    forwardTo: null,
    parts: [],
    coercedWithdrawal: false,
    ...extra,
  };
}

/** Letters that must be signed to be resolved: a denunciation and a complaint (the writer must be answered). */
const NEEDS_IDENTITY: readonly PetitionKind[] = ['denunciation', 'discipline_complaint'];

/**
 * Screen a letter. The order matters and follows the guidance: withdrawal first (nothing else to decide unless
 * coerced), then whether the letter can be resolved at all (identity, repetition, content), then who resolves it,
 * then the split of a mixed letter.
 */
export function screen(facts: LetterFacts, context: ScreeningContext): Screening {
  const coerced = facts.withdrawal?.coerced === true;
  if (facts.withdrawal && !coerced)
    return decision(
      'withdrawn',
      'withdrawn',
      `người gửi xin rút nội dung đơn thì không xem xét, giải quyết nội dung đó (${BASIS}).`,
      facts,
    );
  const r = screenLetter(facts, context);
  if (!coerced) return r;
  return {
    ...r,
    coercedWithdrawal: true,
    explanation: `${r.explanation} Người gửi xin rút đơn do bị đe dọa, ép buộc, mua chuộc nên vẫn tiếp tục xem xét, giải quyết (${BASIS}).`,
  };
}

function screenLetter(facts: LetterFacts, context: ScreeningContext): Screening {
  if (NEEDS_IDENTITY.includes(facts.kind)) {
    const unsigned = unsignedGround(facts);
    if (unsigned) {
      const why = facts.specific
        ? 'nội dung cụ thể nên có thể là căn cứ để kiểm tra khi có dấu hiệu vi phạm (Điều lệ Đảng, Điều 32).'
        : 'nội dung không cụ thể.';
      return decision(
        'keep_as_information',
        unsigned,
        `không giải quyết như một đơn tố cáo, khiếu nại mà lưu làm thông tin gắn với đối tượng được nêu trong đơn (${BASIS}); ${why}`,
        facts,
        { linkToSubject: facts.subject !== null, mayLeadToInspection: facts.specific, tellSender: false },
      );
    }
  }
  if (facts.concludedBefore && !facts.concludedBefore.newEvidence)
    return decision(
      'refuse',
      'repeat_without_new_evidence',
      `vụ việc đã được cấp có thẩm quyền xem xét, kết luận, nay gửi lại nhưng không có thêm tài liệu, chứng cứ mới làm thay đổi bản chất vụ việc (${BASIS}).`,
      facts,
    );
  if (!facts.specific)
    return decision('refuse', 'not_specific', `đơn có tên nhưng nội dung không cụ thể (${BASIS}).`, facts, {
      linkToSubject: facts.subject !== null,
    });
  if (!facts.verifiable)
    return decision('refuse', 'unverifiable', `đơn có tên nhưng không có căn cứ để thẩm tra, xác minh (${BASIS}).`, facts, {
      linkToSubject: facts.subject !== null,
    });
  return routeByCompetence(facts, context);
}

function unsignedGround(facts: LetterFacts): ScreeningGround | null {
  if (facts.sender === 'anonymous') return 'anonymous';
  if (facts.sender === 'false_name') return 'false_name';
  return facts.addressKnown ? null : 'no_address';
}

function competentFor(facts: LetterFacts, orgs: readonly OrgNode[]): CompetentBody | null {
  // A mixed letter is resolved for its complaint part, so the complaint's resolver is the competent one.
  if (facts.kind === 'discipline_complaint' || facts.mixedComplaintAndDenunciation)
    return facts.disciplineDecidedByPath ? competentForComplaint(facts.disciplineDecidedByPath, orgs) : null;
  return facts.subject ? competentBody(facts.subject, orgs) : null;
}

function routeByCompetence(facts: LetterFacts, context: ScreeningContext): Screening {
  const competent = competentFor(facts, context.orgs);
  if (!competent)
    return decision(
      'undetermined',
      'competence_unknown',
      'đối tượng hoặc tổ chức đã quyết định kỷ luật chưa có trong danh mục tổ chức; cán bộ xử lý đơn cần xác định cấp có thẩm quyền trước khi thụ lý.',
      facts,
      { tellSender: false },
    );
  if (competent.path !== context.bodyPath) {
    const higher = isAbove(context.bodyPath, competent.path);
    if (higher && context.takeOver)
      return split(
        facts,
        decision(
          'accept',
          'taken_over_by_higher_level',
          `cấp có thẩm quyền là ${competent.name}; cấp trên quyết định trực tiếp xem xét, giải quyết (${BASIS}).`,
          facts,
        ),
      );
    return decision(
      'forward',
      'outside_authority',
      `chuyển đơn đến ${competent.name} (${competent.reason}) và thông báo cho người gửi biết${higher ? '; đơn gửi vượt cấp' : ''}.`,
      facts,
      { forwardTo: competent },
    );
  }
  return split(facts, decision('accept', 'within_authority', `${competent.reason.replace(/\.$/, '')}; thụ lý giải quyết.`, facts));
}

/** A letter that is both a complaint and a denunciation: the complaint is handled, the writer guided to denounce. */
function split(facts: LetterFacts, accepted: Screening): Screening {
  if (!facts.mixedComplaintAndDenunciation) return accepted;
  const complaint: ScreeningPart = {
    kind: 'discipline_complaint',
    handling: 'accept',
    explanation: 'Nội dung khiếu nại kỷ luật được xem xét, giải quyết theo thủ tục khiếu nại (Điều lệ Đảng, Điều 39).',
  };
  const denunciation: ScreeningPart = {
    kind: 'denunciation',
    handling: 'guide',
    explanation: 'Nội dung tố cáo không giải quyết trong đơn này; hướng dẫn người gửi làm đơn tố cáo riêng gửi cấp có thẩm quyền.',
  };
  return {
    ...accepted,
    outcome: 'split',
    ground: 'mixed_complaint_denunciation',
    status: SCREENING_OUTCOME_STATUS.split,
    explanation: `${SCREENING_GROUND_LABELS.mixed_complaint_denunciation}: giải quyết nội dung khiếu nại, hướng dẫn người gửi tách nội dung tố cáo thành đơn riêng (${BASIS}). ${accepted.explanation}`,
    parts: [complaint, denunciation],
  };
}

/** The facts the screening form states, joined with what the petition record already holds. */
export function factsFromForm(
  form: Omit<ScreeningForm, 'version' | 'note'>,
  petition: { kind: PetitionKind; subject: PetitionSubject | null; disciplineDecidedByPath?: string | null },
): LetterFacts {
  return {
    kind: petition.kind,
    subject: petition.subject,
    disciplineDecidedByPath: petition.disciplineDecidedByPath ?? null,
    sender: form.sender,
    addressKnown: form.addressKnown,
    specific: form.specific,
    verifiable: form.verifiable,
    concludedBefore: form.concludedBefore ? { newEvidence: form.newEvidence === true } : null,
    mixedComplaintAndDenunciation: form.mixedComplaintAndDenunciation === true,
    withdrawal: form.withdrawn ? { coerced: form.withdrawalCoerced === true } : null,
  };
}
