// TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as authenticator apps expect) and one-time recovery codes.
import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const TOTP_ISSUER = 'KTGS';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/**
 * Checks a code against the secret, one step either side for clock drift, and refuses a code of a
 * time step already used (replay). Returns the step to remember, or null.
 */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

const RC_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten codes of 16 characters (80 bits each), grouped for reading: "ABCD-EFGH-JKLM-NPQR". */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = 0; i < 16; i++) s += RC_ALPHABET[randomInt(RC_ALPHABET.length)];
    return s.match(/.{4}/g)?.join('-') ?? s;
  });
}

/** High-entropy codes need no slow hash: SHA-256 of the normalised code. */
export function hashRecoveryCode(code: string): Buffer {
  const normalised = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`ktgs-rc:${normalised}`).digest();
}
