// What every document of an issuing body shares: the heading of the Party's format, the default
// signature block, the recipients it reports to.
import { dateLine } from './dates.ts';
import type { CaseFacts } from './facts.ts';
import type { DocumentModel } from './model.ts';
import { SECRECY_MARKS } from './words.ts';

export interface Issue {
  /** The date on the place-and-date line. */
  issuedOn: string;
  /** "12-QĐ/UBKTĐU", or null for an unnumbered document. */
  numberText: string | null;
}

export type Frame = Pick<DocumentModel, 'heading' | 'recipients' | 'signatures'>;

/** The heading, recipients and signature every document of the issuing body shares. */
export function frame(f: Pick<CaseFacts, 'issuer' | 'secrecy'>, issue: Issue): Frame {
  return {
    heading: {
      superior: f.issuer.superior,
      issuer: f.issuer.name,
      numberLine: issue.numberText ? `Số ${issue.numberText}` : null,
      secrecy: f.secrecy > 0 ? (SECRECY_MARKS[f.secrecy] ?? null) : null,
      dateLine: dateLine(f.issuer.place, issue.issuedOn),
    },
    recipients: [],
    signatures: { left: null, right: { onBehalfOf: f.issuer.onBehalfOf, title: f.issuer.signerTitle, name: null } },
  };
}

/** "- Thường trực Đảng ủy … (để báo cáo)," when there is a body above to report to. */
export function reportTo(f: Pick<CaseFacts, 'issuer'>): string[] {
  return f.issuer.reportsTo ? [`- ${f.issuer.reportsTo} (để báo cáo),`] : [];
}

export function capital(s: string): string {
  return s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
}

/** The archive line names the case's file ("hồ sơ"), so a printed copy leads back to its case. */
export function archive(f: Pick<CaseFacts, 'code'>): string {
  return `- Lưu VT, hồ sơ ${f.code}.`;
}
