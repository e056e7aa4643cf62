// Renders a document model as DOCX in the Party's format (Hướng dẫn 36-HD/VPTW, 2018): A4, margins
// top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; "ĐẢNG CỘNG SẢN VIỆT NAM" 15 pt
// bold and underlined; the issuing body 14 pt bold with "*" under it; the place-and-date line 14 pt
// italic; the type 16 pt bold capitals, its summary 14 pt bold; body 14 pt justified with a first-line
// indent; "Nơi nhận:" 14 pt underlined, its lines 12 pt; the signature block bold capitals; page
// numbers centred in the top margin from the second page on.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from 'docx';
import type { DocumentModel, Paragraph as ModelParagraph, Signature } from '../../domain/documents/model.ts';

const FONT = 'Times New Roman';
const PT = (n: number) => n * 2; // docx sizes are half-points
/** Millimetres to twips, rounded (A4 = 11906 × 16838). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const CONTENT_MM = 210 - 30 - 15;
const NO_BORDERS = TableBorders.NONE;
const NO_CELL_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

interface RunOpts {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function run(text: string, o: RunOpts = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: PT(o.size ?? 14),
    bold: o.bold,
    italics: o.italic,
    underline: o.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function line(text: string, o: RunOpts & { align?: 'center' | 'left' | 'right'; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align === 'left' ? AlignmentType.LEFT : o.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [run(text, o)],
  });
}

function cell(children: Paragraph[], widthMm: number): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: mm(widthMm), type: WidthType.DXA },
    borders: NO_CELL_BORDERS,
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number): Table {
  const rightMm = CONTENT_MM - leftMm;
  return new Table({
    borders: NO_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: mm(CONTENT_MM), type: WidthType.DXA },
    columnWidths: [mm(leftMm), mm(rightMm)],
    rows: [new TableRow({ children: [cell(left, leftMm), cell(right, rightMm)] })],
  });
}

function heading(m: DocumentModel): Table {
  const h = m.heading;
  const left: Paragraph[] = [];
  if (h.superior) left.push(line(h.superior));
  left.push(line(h.issuer, { bold: true }), line('*'));
  if (h.numberLine) left.push(line(h.numberLine));
  if (h.secrecy) left.push(line(h.secrecy, { bold: true }));
  const right = [line('ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true, underline: true, after: 240 }), line(h.dateLine, { italic: true })];
  return twoColumns(left, right, 75);
}

function bodyParagraph(p: ModelParagraph): Paragraph {
  const children: ParagraphChild[] = p.runs.map((r) =>
    run(r.text, { bold: r.bold || p.style === 'heading' || p.style === 'center', italic: r.italic }),
  );
  const indent = p.style === 'body' || p.style === 'heading' || p.style === 'item' ? { firstLine: mm(10) } : undefined;
  return new Paragraph({
    alignment: p.style === 'center' ? AlignmentType.CENTER : p.style === 'blank' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent,
    spacing: { before: p.style === 'center' ? 120 : 0, after: 120, line: 300 },
    children,
  });
}

function signature(s: Signature | null): Paragraph[] {
  if (!s) return [];
  const out: Paragraph[] = [];
  if (s.onBehalfOf) out.push(line(s.onBehalfOf, { bold: true }));
  out.push(line(s.title, { bold: true }));
  // Room for the hand signature and the seal.
  for (let k = 0; k < 4; k++) out.push(line(''));
  out.push(line(s.name ?? '', { bold: true }));
  return out;
}

function closing(m: DocumentModel): Table {
  const left: Paragraph[] = [];
  if (m.recipients.length > 0) {
    left.push(line('Nơi nhận:', { underline: true, align: 'left' }));
    for (const r of m.recipients) left.push(line(r, { size: 12, align: 'left' }));
  } else {
    left.push(...signature(m.signatures.left));
  }
  return twoColumns(left, signature(m.signatures.right), 80);
}

export async function renderDocx(m: DocumentModel, meta: { title: string; creator: string }): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [heading(m), line('', { after: 120 }), line(m.title, { size: 16, bold: true })];
  if (m.subtitle) children.push(line(m.subtitle, { bold: true }));
  if (m.note) children.push(line(m.note, { italic: true }));
  children.push(line('-----', { after: 240 }));
  children.push(...m.body.map(bodyParagraph));
  if (m.recipients.length > 0 || m.signatures.left || m.signatures.right) children.push(line('', { after: 120 }), closing(m));
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(20),
              bottom: mm(20),
              left: mm(30),
              right: mm(15),
            },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(14) })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
