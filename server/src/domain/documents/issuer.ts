// Who issues a case's documents and how the heading names them (Hướng dẫn 36-HD/VPTW: the directly
// superior body in capitals, the issuing body in bold capitals with "*" under it; the number
// "Số 12-QĐ/UBKTTU" = number, document symbol, issuer abbreviation).
//
// Abbreviations (the guide's own example: "Số 24-BS/UBKTTU"):
//   provincial party committee (tỉnh ủy, thành ủy)          TU      its inspection committee  UBKTTU
//   commune, agency or grassroots party committee (đảng ủy) ĐU      its inspection committee  UBKTĐU
//   Central Committee                                       TW      its inspection committee  UBKTTW
//   chi bộ (a cell, or a grassroots chi bộ cơ sở)           CB      (a chi bộ has no UBKT)
// A standing committee (ban thường vụ) issues under its committee's name and numbering, signing
// "T/M BAN THƯỜNG VỤ".
import type { BodyType } from '../../../../common/cases.ts';

export interface OrgLink {
  kind: string;
  name: string;
}

export interface Issuer {
  /** The line above the issuing body, or null (a provincial committee has none). */
  superior: string | null;
  /** The issuing body, in capitals. */
  name: string;
  /** The issuing body as the body text names it ("Ủy ban Kiểm tra Đảng ủy xã Đô Lương"). */
  fullName: string;
  abbreviation: string;
  /** The body reported to ("Thường trực Đảng ủy xã Đô Lương"), for the recipients, or null. */
  reportsTo: string | null;
  /** The locality on the place-and-date line. */
  place: string;
  /** "T/M ỦY BAN KIỂM TRA" and "CHỦ NHIỆM". */
  onBehalfOf: string;
  signerTitle: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

function isChiBo(org: OrgLink): boolean {
  return org.kind === 'cell' || /^chi bộ/i.test(org.name);
}

/** "Đảng bộ tỉnh Nghệ An" → "Tỉnh ủy Nghệ An"; "Đảng bộ xã Đô Lương" → "Đảng ủy xã Đô Lương". */
export function committeeName(org: OrgLink): string {
  if (org.kind === 'central') return 'Ban Chấp hành Trung ương';
  if (isChiBo(org)) return org.name;
  const rest = org.name.replace(/^Đảng bộ\s+/i, '');
  if (org.kind === 'province') {
    const m = /^(tỉnh|thành phố)\s+(.+)$/i.exec(rest);
    if (m) return `${/^tỉnh$/i.test(m[1] as string) ? 'Tỉnh ủy' : 'Thành ủy'} ${m[2]}`;
  }
  return `Đảng ủy ${rest}`;
}

export function committeeAbbreviation(org: OrgLink): string {
  if (org.kind === 'central') return 'TW';
  if (org.kind === 'province') return 'TU';
  if (isChiBo(org)) return 'CB';
  return 'ĐU';
}

/** The locality of the nearest commune or province up the chain ("Đô Lương", "Nghệ An"). */
export function placeOf(chain: readonly OrgLink[]): string {
  for (let i = chain.length - 1; i >= 0; i--) {
    const o = chain[i] as OrgLink;
    if (o.kind === 'commune' || o.kind === 'province') {
      return o.name.replace(/^Đảng bộ\s+/i, '').replace(/^(tỉnh|thành phố|xã|phường|đặc khu)\s+/i, '');
    }
  }
  return 'Hà Nội';
}

/** The organisation directly above, as a heading names it: "ĐẢNG BỘ TỈNH NGHỆ AN" or its committee. */
function superiorOf(chain: readonly OrgLink[]): OrgLink | null {
  return chain.length >= 2 ? (chain[chain.length - 2] as OrgLink) : null;
}

/** chain: the organisations from the root down to the body's own organisation. */
export function issuerOf(chain: readonly OrgLink[], bodyType: BodyType): Issuer {
  const org = chain[chain.length - 1];
  if (!org) throw new Error('Thiếu tổ chức ban hành');
  const committee = committeeName(org);
  const place = placeOf(chain);
  const above = superiorOf(chain);
  if (bodyType === 'ubkt') {
    return {
      superior: upper(committee),
      name: 'ỦY BAN KIỂM TRA',
      fullName: `Ủy ban Kiểm tra ${committee}`,
      abbreviation: `UBKT${committeeAbbreviation(org)}`,
      reportsTo: org.kind === 'central' ? null : `Thường trực ${committee}`,
      place,
      onBehalfOf: 'T/M ỦY BAN KIỂM TRA',
      signerTitle: 'CHỦ NHIỆM',
    };
  }
  if (bodyType === 'cell' || isChiBo(org)) {
    return {
      superior: above && above.kind !== 'central' ? upper(above.name) : null,
      name: upper(org.name),
      fullName: org.name,
      abbreviation: 'CB',
      reportsTo: above && above.kind !== 'central' ? committeeName(above) : null,
      place,
      onBehalfOf: 'T/M CHI BỘ',
      signerTitle: 'BÍ THƯ',
    };
  }
  // A committee's heading names the party organisation above it ("ĐẢNG BỘ TỈNH NGHỆ AN"), except a
  // provincial committee, directly under the Central Committee, whose heading is its own name.
  const superior = above && org.kind !== 'province' && above.kind !== 'central' ? upper(above.name) : null;
  return {
    superior,
    name: upper(committee),
    fullName: bodyType === 'standing_committee' ? `Ban Thường vụ ${committee}` : `Ban Chấp hành ${committee}`,
    abbreviation: committeeAbbreviation(org),
    reportsTo: above && above.kind !== 'central' ? committeeName(above) : null,
    place,
    onBehalfOf: bodyType === 'standing_committee' ? 'T/M BAN THƯỜNG VỤ' : 'T/M BAN CHẤP HÀNH',
    signerTitle: 'BÍ THƯ',
  };
}

/** "12-QĐ/UBKTĐU". */
export function numberText(n: number, symbol: string, abbreviation: string): string {
  return `${n}-${symbol}/${abbreviation}`;
}
