// Envelope encryption of confidential fields with AES-256-GCM under a data key.
// Keys: KTGS_DATA_KEYS="id:base64key,…" with KTGS_DATA_KEY_CURRENT=id (server deployments, or a
// KMS that injects them), else a key file created in the data directory (embedded mode).
// Ciphertext format: "v1.<keyId>.<iv>.<tag>.<ciphertext>" (base64url), so old keys keep decrypting
// after a rotation until every value has been re-encrypted.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
  /**
   * Key of the blind index (keyed hashes for exact matching of encrypted identifiers such as CCCD).
   * It must never change once data exist: KTGS_INDEX_KEY, else derived from the first data key.
   */
  indexKey: Buffer;
}

function deriveIndexKey(firstKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', firstKey, Buffer.alloc(0), 'ktgs-blind-index-v1', 32));
}

function parseKeys(raw: string): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      throw new Error('KTGS_DATA_KEYS: mỗi khóa có dạng "mã:khóa-base64-32-byte"');
    }
    keys.set(id, key);
  }
  return keys;
}

export function loadKeyring(env: NodeJS.ProcessEnv, dataDir: string | null): Keyring {
  if (env.KTGS_DATA_KEYS) {
    const keys = parseKeys(env.KTGS_DATA_KEYS);
    const currentId = env.KTGS_DATA_KEY_CURRENT ?? [...keys.keys()].at(-1) ?? '';
    if (!keys.has(currentId)) throw new Error('KTGS_DATA_KEY_CURRENT không có trong KTGS_DATA_KEYS');
    const indexKey = env.KTGS_INDEX_KEY ? Buffer.from(env.KTGS_INDEX_KEY, 'base64') : deriveIndexKey([...keys.values()][0] as Buffer);
    if (indexKey.length !== 32) throw new Error('KTGS_INDEX_KEY phải là 32 byte, mã hóa base64');
    return { currentId, keys, indexKey };
  }
  if (!dataDir) throw new Error('Thiếu khóa dữ liệu: đặt KTGS_DATA_KEYS (xem README).');
  const file = path.join(dataDir, 'keys', 'data-keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    const body = JSON.stringify(
      { current: id, keys: { [id]: randomBytes(32).toString('base64') }, index: randomBytes(32).toString('base64') },
      null,
      2,
    );
    fs.writeFileSync(file, body, { mode: 0o600, flag: 'wx' });
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { current: string; keys: Record<string, string>; index?: string };
  const keys = new Map(Object.entries(parsed.keys).map(([id, b64]) => [id, Buffer.from(b64, 'base64')] as const));
  if (!keys.has(parsed.current)) throw new Error(`Tệp khóa ${file} hỏng: thiếu khóa hiện hành`);
  if (!parsed.index) {
    // Key files written before the blind index existed get one, once.
    parsed.index = randomBytes(32).toString('base64');
    fs.writeFileSync(file, JSON.stringify(parsed, null, 2), { mode: 0o600 });
  }
  return { currentId: parsed.current, keys, indexKey: Buffer.from(parsed.index, 'base64') };
}

export function encrypt(ring: Keyring, plaintext: string, aad = ''): string {
  const key = ring.keys.get(ring.currentId) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return `v1.${ring.currentId}.${b(iv)}.${b(cipher.getAuthTag())}.${b(ct)}`;
}

export function decrypt(ring: Keyring, value: string, aad = ''): string {
  const [v, id, iv, tag, ct] = value.split('.');
  const key = id ? ring.keys.get(id) : undefined;
  if (v !== 'v1' || !key || !iv || !tag || ct === undefined) throw new Error('Dữ liệu mã hóa không hợp lệ hoặc thiếu khóa');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}

/** Keyed hash for exact matching without decrypting (blind index): HMAC-SHA-256 under the index key. */
export function blindIndex(ring: Keyring, kind: string, value: string): Buffer {
  return createHmac('sha256', ring.indexKey).update(`${kind}:${value}`).digest();
}
