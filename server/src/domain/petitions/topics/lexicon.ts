// Keyword fallback for the topic of a petition: used before there are enough labelled letters, or when the
// model is unsure. Pure: no I/O. Whole syllables only. A letter with diacritics is matched as written; a
// letter typed without them is matched folded ("so do" finds "sổ đỏ"), but only on multi-syllable
// phrases, because a folded single syllable is ambiguous ("quy" is quỹ and quy định).
import { foldForSearch } from '../../../../../common/text.ts';
import { PETITION_TOPICS, type PetitionTopic } from './topics.ts';

/** Weight 2: nearly decisive on its own; 1: a hint. */
export const TOPIC_LEXICON: Record<Exclude<PetitionTopic, 'other'>, Record<string, number>> = {
  land: {
    'đất đai': 2,
    'sổ đỏ': 2,
    'giấy chứng nhận quyền sử dụng đất': 2,
    'quyền sử dụng đất': 2,
    'giải phóng mặt bằng': 2,
    'thu hồi đất': 2,
    'đền bù': 1,
    'bồi thường': 1,
    'tái định cư': 2,
    'lấn chiếm': 2,
    'giao đất': 2,
    'cấp đất': 2,
    'chuyển mục đích sử dụng': 2,
    'đất công': 2,
    'đất nông nghiệp': 2,
    'đất rừng': 2,
    'thửa đất': 2,
    'ranh giới': 1,
    'tranh chấp đất': 2,
    'địa chính': 2,
    'xây dựng trái phép': 1,
    'phân lô': 2,
    'mặt bằng': 1,
    đất: 1,
    'thổ cư': 2,
  },
  finance: {
    'ngân sách': 2,
    quỹ: 1,
    'thu chi': 2,
    'chi tiêu': 1,
    'tài chính': 2,
    'công quỹ': 2,
    'quyết toán': 2,
    'hóa đơn': 1,
    'chứng từ': 2,
    'thu sai': 2,
    'lạm thu': 2,
    'đóng góp': 1,
    'kinh phí': 2,
    'tham ô': 2,
    'biển thủ': 2,
    'chiếm dụng': 2,
    'công khai tài chính': 2,
    'tiền hỗ trợ': 2,
    'trợ cấp': 1,
    'quỹ đen': 2,
    'thâm hụt': 2,
    'tạm ứng': 2,
    'kế toán': 2,
  },
  personnel: {
    'bổ nhiệm': 2,
    'đề bạt': 2,
    'quy hoạch cán bộ': 2,
    'tuyển dụng': 2,
    'thi tuyển': 2,
    'luân chuyển': 2,
    'điều động': 1,
    'bằng cấp': 2,
    'bằng giả': 2,
    'văn bằng': 2,
    'lý lịch': 2,
    'kết nạp đảng': 2,
    'kết nạp': 1,
    'chạy chức': 2,
    'chạy việc': 2,
    'người nhà': 1,
    'con cháu': 1,
    'công tác cán bộ': 2,
    'nhân sự': 2,
    'biên chế': 2,
    'hợp đồng lao động': 1,
    'nâng lương': 2,
    'chức vụ': 1,
    'bầu cử': 1,
    'đánh giá cán bộ': 2,
    'tiêu chuẩn': 1,
  },
  ethics: {
    'ngoại tình': 2,
    'quan hệ bất chính': 2,
    'bất chính': 2,
    'lối sống': 2,
    'đạo đức': 2,
    'cờ bạc': 2,
    'đánh bạc': 2,
    'say rượu': 2,
    'rượu bia': 2,
    nhậu: 2,
    'bạo lực gia đình': 2,
    'đánh vợ': 2,
    'hách dịch': 2,
    'cửa quyền': 2,
    'xúc phạm': 1,
    'chửi bới': 2,
    'con riêng': 2,
    'vợ hai': 2,
    'mê tín': 2,
    'ma túy': 2,
    'lô đề': 2,
    'gây gổ': 2,
    'thiếu gương mẫu': 2,
    'sống chung như vợ chồng': 2,
    'tiệc tùng': 1,
    'phô trương': 1,
  },
  procurement: {
    'đấu thầu': 2,
    'gói thầu': 2,
    'nhà thầu': 2,
    'chỉ định thầu': 2,
    'mua sắm': 2,
    'hồ sơ mời thầu': 2,
    'thông thầu': 2,
    'quân xanh': 2,
    'trúng thầu': 2,
    'thiết bị': 1,
    'vật tư': 1,
    'nâng giá': 2,
    'đội giá': 2,
    'dự toán': 1,
    'chia nhỏ': 2,
    'báo giá': 2,
    'nghiệm thu': 1,
    'công trình': 1,
    'hợp đồng': 1,
    'kém chất lượng': 1,
    thầu: 1,
  },
};

interface Entry {
  topic: PetitionTopic;
  phrase: string;
  written: string;
  folded: string | null;
  weight: number;
}

const ENTRIES: Entry[] = Object.entries(TOPIC_LEXICON).flatMap(([topic, words]) =>
  Object.entries(words).map(([phrase, weight]) => ({
    topic: topic as PetitionTopic,
    phrase,
    written: ` ${phrase.normalize('NFC').toLowerCase()} `,
    folded: phrase.includes(' ') ? ` ${foldForSearch(phrase)} ` : null,
    weight,
  })),
);

const spaced = (text: string): string =>
  ` ${text
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;

export interface LexiconResult {
  topic: PetitionTopic;
  confidence: number;
  scores: Record<PetitionTopic, number>;
  /** The phrases found, as in the lexicon, for the officer to see why. */
  matched: string[];
}

/** Topic by keyword weights; "other" when nothing matches. Confidence: the winner's share of the weight. */
export function classifyByLexicon(text: string): LexiconResult {
  const written = spaced(text.normalize('NFC').toLowerCase());
  const folded = spaced(foldForSearch(text));
  // Typed without diacritics: nothing to tell "quy" from "quỹ", so only phrases are trusted.
  const unaccented = written === folded;
  const weights = Object.fromEntries(PETITION_TOPICS.map((t) => [t, 0])) as Record<PetitionTopic, number>;
  const matched: string[] = [];
  for (const e of ENTRIES) {
    const [haystack, needle] = unaccented ? [folded, e.folded] : [written, e.written];
    if (needle === null) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      weights[e.topic] += e.weight;
      matched.push(e.phrase);
    }
  }
  const total = PETITION_TOPICS.reduce((s, t) => s + weights[t], 0);
  if (total === 0) {
    const scores = Object.fromEntries(PETITION_TOPICS.map((t) => [t, t === 'other' ? 1 : 0])) as Record<PetitionTopic, number>;
    return { topic: 'other', confidence: 0, scores, matched };
  }
  let topic: PetitionTopic = 'other';
  for (const t of PETITION_TOPICS) if (weights[t] > weights[topic]) topic = t;
  const scores = Object.fromEntries(PETITION_TOPICS.map((t) => [t, weights[t] / total])) as Record<PetitionTopic, number>;
  return { topic, confidence: scores[topic], scores, matched: [...new Set(matched)] };
}
