// How a member's identity is stored: the CCCD encrypted (AES-256-GCM) with a keyed hash for exact
// matching and its last four digits for display; the name with its Vietnamese sort key. Every path
// that writes members (forms, imports, seeds, merges) builds its row here.
import { normaliseCccd } from '../../../../common/cccd.ts';
import { normaliseName, vietnameseSortKey } from '../../../../common/vn-name.ts';
import { blindIndex, decrypt, encrypt, type Keyring } from '../../platform/crypto.ts';

export interface SealedId {
  enc: string;
  hash: Buffer;
  last4: string;
}

/** The blind-index hash of a CCCD, for look-ups (same for members and relatives). */
export function cccdHash(ring: Keyring, cccd: string): Buffer {
  return blindIndex(ring, 'cccd', normaliseCccd(cccd));
}

export function sealCccd(ring: Keyring, cccd: string | null | undefined): SealedId | null {
  if (!cccd) return null;
  const v = normaliseCccd(cccd);
  // The ciphertext is bound to its use, so it cannot be swapped into another column unnoticed.
  return { enc: encrypt(ring, v, 'cccd'), hash: cccdHash(ring, v), last4: v.slice(-4) };
}

export function openCccd(ring: Keyring, enc: string | null): string | null {
  return enc ? decrypt(ring, enc, 'cccd') : null;
}

export interface MemberRowInput {
  fullName: string;
  gender: string | null;
  birthDate: string | null;
  cccd: string | null;
  partyCardNo: string | null;
  status: string;
  admittedOn: string | null;
  confirmedOn: string | null;
  secrecy?: number;
}

export interface OrgPlace {
  id: string;
  path: string;
  province_code: string | null;
}

/** The columns of a member row (without id and bookkeeping), ready for insert or update. */
export function memberRow(ring: Keyring, input: MemberRowInput, org: OrgPlace) {
  const name = normaliseName(input.fullName);
  const sealed = sealCccd(ring, input.cccd);
  return {
    org_id: org.id,
    org_path: org.path,
    province_code: org.province_code,
    full_name: name,
    sort_key: vietnameseSortKey(name),
    gender: input.gender,
    birth_date: input.birthDate,
    cccd_enc: sealed?.enc ?? null,
    cccd_hash: sealed?.hash ?? null,
    cccd_last4: sealed?.last4 ?? null,
    party_card_no: input.partyCardNo,
    status: input.status,
    admitted_on: input.admittedOn,
    confirmed_on: input.confirmedOn,
    secrecy: input.secrecy ?? 0,
  };
}
