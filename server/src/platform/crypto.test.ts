import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypt, encrypt, loadKeyring } from './crypto.ts';

const key = () => randomBytes(32).toString('base64');

describe('AES-256-GCM envelope encryption', () => {
  it('round-trips Vietnamese text and binds the context (AAD)', () => {
    const ring = loadKeyring({ KTGS_DATA_KEYS: `a:${key()}` }, null);
    const ct = encrypt(ring, 'Nguyễn Thị Hoà, 0912 345 678', 'petition:1');
    expect(ct).toMatch(/^v1\.a\./);
    expect(ct).not.toContain('Nguyễn');
    expect(decrypt(ring, ct, 'petition:1')).toBe('Nguyễn Thị Hoà, 0912 345 678');
    expect(() => decrypt(ring, ct, 'petition:2')).toThrow();
  });

  it('detects tampering', () => {
    const ring = loadKeyring({ KTGS_DATA_KEYS: `a:${key()}` }, null);
    const parts = encrypt(ring, 'bí mật').split('.');
    parts[4] = Buffer.from('khác').toString('base64url');
    expect(() => decrypt(ring, parts.join('.'))).toThrow();
  });

  it('keeps decrypting old values after a key rotation', () => {
    const k1 = key();
    const old = encrypt(loadKeyring({ KTGS_DATA_KEYS: `k1:${k1}` }, null), 'cũ');
    const rotated = loadKeyring({ KTGS_DATA_KEYS: `k1:${k1},k2:${key()}`, KTGS_DATA_KEY_CURRENT: 'k2' }, null);
    expect(decrypt(rotated, old)).toBe('cũ');
    expect(encrypt(rotated, 'mới')).toMatch(/^v1\.k2\./);
  });

  it('creates a private key file in the data directory in the embedded mode, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ktgs-key-'));
    const ring = loadKeyring({}, dir);
    const file = path.join(dir, 'keys', 'data-keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(decrypt(loadKeyring({}, dir), encrypt(ring, 'x'))).toBe('x');
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses malformed keys with a clear message', () => {
    expect(() => loadKeyring({ KTGS_DATA_KEYS: 'a:short' }, null)).toThrow(/KTGS_DATA_KEYS/);
  });
});
