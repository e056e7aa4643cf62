// A document as the composer builds it, before any file format: the heading of the Party's format,
// the title, paragraphs with their style, recipients and signatures. The module renders it as DOCX.

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/**
 * body: justified, first-line indent · heading: a bold section heading (I., II., Điều 1.) ·
 * center: centred bold line (the body's name above "QUYẾT ĐỊNH:") · item: a list line, indented ·
 * blank: a line left for hand-written details.
 */
export type ParagraphStyle = 'body' | 'heading' | 'center' | 'item' | 'blank';

export interface Paragraph {
  style: ParagraphStyle;
  runs: Run[];
}

export interface Signature {
  /** "T/M ỦY BAN KIỂM TRA", or null for a signer in their own right ("TRƯỞNG ĐOÀN"). */
  onBehalfOf: string | null;
  title: string;
  /** Left blank when the platform does not know who signs. */
  name: string | null;
}

export interface DocumentModel {
  heading: {
    superior: string | null;
    issuer: string;
    /** "Số 12-QĐ/UBKTĐU", or null for an unnumbered document. */
    numberLine: string | null;
    /** "MẬT", "TỐI MẬT", "TUYỆT MẬT" under the number, or null. */
    secrecy: string | null;
    dateLine: string;
  };
  /** "QUYẾT ĐỊNH", "KẾ HOẠCH"… */
  title: string;
  /** The summary under the title ("về việc kiểm tra …"), or null. */
  subtitle: string | null;
  /** A line in italics under the subtitle ("(Kèm theo Kế hoạch số …)"), or null. */
  note: string | null;
  body: Paragraph[];
  /** "Nơi nhận:" lines (empty for minutes, which have signatures on both sides instead). */
  recipients: string[];
  /** Left and right signature columns; minutes have two, an annex none. */
  signatures: { left: Signature | null; right: Signature | null };
}

export const p = (style: ParagraphStyle, ...runs: (Run | string)[]): Paragraph => ({
  style,
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
export const b = (text: string): Run => ({ text, bold: true });
export const i = (text: string): Run => ({ text, italic: true });

/** Every text of the model in reading order (for tests and search). */
export function plainText(m: DocumentModel): string {
  const lines = [
    m.heading.superior,
    m.heading.issuer,
    m.heading.numberLine,
    m.heading.secrecy,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    m.heading.dateLine,
    m.title,
    m.subtitle,
    m.note,
    ...m.body.map((x) => x.runs.map((r) => r.text).join('')),
    ...m.recipients,
    m.signatures.left?.onBehalfOf,
    m.signatures.left?.title,
    m.signatures.left?.name,
    m.signatures.right?.onBehalfOf,
    m.signatures.right?.title,
    m.signatures.right?.name,
  ];
  return lines.filter((l): l is string => Boolean(l)).join('\n');
}
