// The forwarding slip (phiếu chuyển đơn) sent with a letter outside the receiving body's authority to the
// competent body (domain.md §5: "Outside the body's authority: forwarded to the competent body, the sender
// told"; Quy định 296-QĐ/TW). Party format of Hướng dẫn 36-HD/VPTW through the case documents' frame: the
// issuer's heading, "Số 3-PC/UBKTĐU" (PC: phiếu chuyển), the place-and-date line, "Nơi nhận", signature.
// The sender is never named nor located: the slip goes to a body that may include the denounced, so it
// says only how the letter was signed ("đơn của công dân", "đơn không ghi tên người gửi").
// Pure: the facts, the number and the date come in.
import type { CompetentBodyType, PetitionChannel, PetitionKind, SenderIdentity } from '../../../../common/petitions.ts';
import { shortDate } from '../documents/dates.ts';
import { capital, frame, type Issue } from '../documents/frame.ts';
import { committeeName, type Issuer, type OrgLink } from '../documents/issuer.ts';
import { type DocumentModel, i, type Paragraph, p } from '../documents/model.ts';

/** Hướng dẫn 36-HD/VPTW: the symbol of a "phiếu chuyển". */
export const FORWARDING_SYMBOL = 'PC';
export const FORWARDING_TITLE = 'PHIẾU CHUYỂN ĐƠN';

export interface ForwardingFacts {
  /** The letter's code in the receiving body's register ("07/2026/ĐT"). */
  code: string;
  issuer: Issuer;
  secrecy: number;
  kind: PetitionKind;
  channel: PetitionChannel;
  receivedOn: string;
  /** The body that forwarded it or the newspaper, and their reference. */
  sourceName: string | null;
  sourceRef: string | null;
  /** How the letter was signed; who signed it is never a fact of this document. */
  senderIdentity: SenderIdentity;
  /** The sender is told of the forwarding (named with a known address, or through the portal). */
  senderTold: boolean;
  /** The summary (trích yếu) recorded by the officer. */
  title: string;
  subject: { kind: 'member' | 'org' | 'named'; name: string; position: string | null };
  /** The competent body as the body text names it, and why it is competent (screening's reason), if known. */
  competent: { name: string; reason: string | null };
  signer: { name: string; title: string };
}

/**
 * How a body resolves letters, as domain/petitions/competence.ts decides it: a chi bộ (or a chi bộ cơ sở,
 * registered as grassroots without an inspection committee) itself, else its UBKT, else its committee.
 */
export function resolvingBodyType(org: { kind: string; hasInspectionCommittee: boolean }): CompetentBodyType {
  if (org.kind === 'cell' || (org.kind === 'grassroots' && !org.hasInspectionCommittee)) return 'cell';
  return org.hasInspectionCommittee ? 'ubkt' : 'committee';
}

/** "Ủy ban Kiểm tra Tỉnh ủy Nghệ An", "Đảng ủy xã Đô Lương", "Chi bộ Xóm 1". */
export function competentBodyName(org: OrgLink, type: CompetentBodyType): string {
  if (type === 'ubkt') return `Ủy ban Kiểm tra ${committeeName(org)}`;
  if (type === 'cell') return org.name;
  return committeeName(org);
}

const KIND_WORDS: Record<PetitionKind, string> = {
  denunciation: 'tố cáo',
  discipline_complaint: 'khiếu nại kỷ luật đảng',
  recommendation: 'kiến nghị',
  feedback: 'phản ánh',
};

/** What the letter says about its subject, as a verb phrase. */
const ABOUT: Record<PetitionKind, string> = {
  denunciation: 'tố cáo',
  discipline_complaint: 'khiếu nại về việc thi hành kỷ luật liên quan đến',
  recommendation: 'kiến nghị liên quan đến',
  feedback: 'phản ánh về',
};

/** The letter, by how it was signed: never by whom. */
function letterPhrase(f: ForwardingFacts): string {
  const kind = KIND_WORDS[f.kind];
  if (f.senderIdentity === 'anonymous') return `01 đơn ${kind} không ghi tên người gửi`;
  if (f.senderIdentity === 'false_name') return `01 đơn ${kind} mạo tên`;
  return `01 đơn ${kind} của công dân`;
}

function channelPhrase(f: ForwardingFacts): string {
  const ref = f.sourceRef ? ` (${f.sourceRef})` : '';
  switch (f.channel) {
    case 'portal':
      return 'gửi qua Cổng tiếp nhận đơn thư trực tuyến';
    case 'post':
      return 'gửi qua đường bưu điện';
    case 'in_person':
      return 'gửi trực tiếp';
    case 'forwarded':
      return `do ${f.sourceName ?? 'cơ quan khác'} chuyển đến${ref}`;
    case 'press':
      return `qua thông tin phản ánh trên ${f.sourceName ?? 'báo chí'}${ref}`;
  }
}

function subjectPhrase(s: ForwardingFacts['subject']): string {
  const position = s.position ? `, ${s.position.trim().replace(/[.,;]$/, '')}` : '';
  if (s.kind === 'member') return `đồng chí ${s.name}${position}`;
  return `${s.name}${position}`;
}

const sentence = (s: string) => `${capital(s.trim().replace(/[.;,]$/, ''))}.`;

export function composeForwardingLetter(f: ForwardingFacts, issue: Issue): DocumentModel {
  const by = f.issuer.fullName;
  const to = f.competent.name;
  const body: Paragraph[] = [
    p('center', `Kính gửi: ${to}`),
    p(
      'body',
      `Ngày ${shortDate(f.receivedOn)}, ${by} nhận được ${letterPhrase(f)} ${channelPhrase(f)}, nội dung ${ABOUT[f.kind]} ${subjectPhrase(f.subject)}.`,
    ),
    p('body', `Trích yếu nội dung đơn: ${sentence(f.title)}`),
    p(
      'body',
      `Căn cứ Quy định số 296-QĐ/TW ngày 30/5/2025 của Ban Chấp hành Trung ương về công tác kiểm tra, giám sát và kỷ luật của Đảng, nội dung đơn không thuộc thẩm quyền giải quyết của ${by} mà thuộc thẩm quyền xem xét, giải quyết của ${to}.${f.competent.reason ? ` ${sentence(f.competent.reason)}` : ''}`,
    ),
    p('body', `${by} chuyển đơn nêu trên đến ${to} để xem xét, giải quyết theo thẩm quyền và quy định của Đảng.`),
  ];
  // The denouncer's protection (domain.md §5: the identity is confidential, never shown to the denounced).
  if (f.kind === 'denunciation')
    body.push(
      p(
        'body',
        `Đề nghị ${to} giữ bí mật họ tên, địa chỉ, bút tích và các thông tin có thể làm lộ danh tính của người tố cáo; không chuyển đơn tố cáo cho tổ chức, cá nhân bị tố cáo.`,
      ),
    );
  body.push(
    p(
      'body',
      f.senderTold
        ? `${by} đã thông báo cho người gửi đơn biết việc chuyển đơn. Đề nghị ${to} thông báo kết quả xem xét, giải quyết cho ${by} để theo dõi.`
        : `Đề nghị ${to} thông báo kết quả xem xét, giải quyết cho ${by} để theo dõi.`,
    ),
    p('body', i('Gửi kèm theo: đơn và tài liệu kèm theo đơn (nếu có).')),
  );
  const base = frame({ issuer: f.issuer, secrecy: f.secrecy }, issue);
  return {
    ...base,
    title: FORWARDING_TITLE,
    subtitle: null,
    note: null,
    body,
    recipients: [
      `- ${to} (để giải quyết),`,
      // A label only: the sender's name and address are never on the slip.
      ...(f.senderTold ? ['- Người gửi đơn (để biết),'] : []),
      `- Lưu VT, hồ sơ đơn ${f.code}.`,
    ],
    signatures: {
      left: null,
      right: { onBehalfOf: f.issuer.onBehalfOf, title: f.signer.title.trim().toLocaleUpperCase('vi'), name: f.signer.name.trim() },
    },
  };
}

/** The file's title: "Phiếu chuyển đơn 3-PC/UBKTĐU (đơn 07/2026/ĐT)". */
export function forwardingTitle(code: string, numberText: string | null): string {
  return `Phiếu chuyển đơn${numberText ? ` ${numberText}` : ''} (đơn ${code})`;
}
