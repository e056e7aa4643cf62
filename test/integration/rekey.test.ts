// Data-key rotation (`ktgs keys rotate`): issue #6 point 4. Runs on PGlite and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { cccdHash, openCccd, sealCccd } from '../../server/src/modules/members/member-row.ts';
import { registerPetition, senderAad } from '../../server/src/modules/petitions/intake.service.ts';
import { callControl, startControlSocket } from '../../server/src/ops/control.ts';
import { encryptedColumns, registerEncryptedColumn, rotateDataKeys } from '../../server/src/ops/rekey.ts';
import { systemActor } from '../../server/src/platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { decrypt, encrypt, type Keyring, loadKeyring } from '../../server/src/platform/crypto.ts';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { TEST_KEYS, type TestDb, testContext } from '../helpers/db.ts';
import { createUser, login, orgByCode } from '../helpers/factories.ts';

let ctx: TestDb;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ktgs-rekey-'));
  ctx = await testContext({ KTGS_DATA_DIR: dataDir });
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function cccd(): string {
  return `0${String(randomBytes(6).readUIntBE(0, 6) % 10 ** 11).padStart(11, '0')}`;
}

/** Members (with relatives) and a user with TOTP, all encrypted under the keyring's current key. */
async function makeData(n: number) {
  const org = await orgByCode(ctx, 'X17662');
  const people: { memberId: string; cccd: string; relativeCccd: string }[] = [];
  await inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    for (let i = 0; i < n; i++) {
      const id = cccd();
      const s = sealCccd(ctx.keyring, id)!;
      const m = await tx
        .insertInto('member')
        .values({
          org_id: org.id,
          org_path: org.path,
          full_name: `Nguyễn Văn Thử ${i}`,
          sort_key: `thu ${i}`,
          cccd_enc: s.enc,
          cccd_hash: s.hash,
          cccd_last4: s.last4,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rc = cccd();
      const r = sealCccd(ctx.keyring, rc)!;
      await tx
        .insertInto('relative')
        .values({
          member_id: m.id,
          relation: 'spouse',
          full_name: `Trần Thị Thử ${i}`,
          cccd_enc: r.enc,
          cccd_hash: r.hash,
          cccd_last4: r.last4,
        })
        .execute();
      people.push({ memberId: m.id, cccd: id, relativeCccd: rc });
    }
  });
  const user = await createUser(ctx, { roles: [{ role: 'viewer', orgCode: 'X17662' }], totp: true });
  // A letter whose sender's contact is sealed (issue #6, point 4: key rotation covers it).
  const letter = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    registerPetition(ctx, tx, systemActor(), SYSTEM_SCOPE, {
      bodyOrgId: org.id,
      kind: 'denunciation',
      channel: 'post',
      receivedOn: '2026-11-20',
      subjectName: 'Nguyễn Văn Thử',
      title: 'Tố cáo vi phạm quản lý đất đai',
      content: 'Ông Nguyễn Văn Thử, trưởng thôn 3, tự ý cho thuê đất công ích 2.000 m² mà không qua xã.',
      senderIdentity: 'named',
      senderAddressKnown: true,
      sender: { name: 'Phạm Văn Gửi', phone: '0912 000 111' },
    }),
  );
  return { people, user, letterId: letter.id };
}

async function snapshot() {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => ({
    members: await tx
      .selectFrom('member')
      .select(['id', 'cccd_enc', 'cccd_hash', 'version'])
      .where('cccd_enc', 'is not', null)
      .orderBy('id')
      .execute(),
    relatives: await tx.selectFrom('relative').select(['id', 'cccd_enc']).where('cccd_enc', 'is not', null).orderBy('id').execute(),
    users: await tx
      .selectFrom('app_user')
      .select(['id', 'totp_secret_enc'])
      .where('totp_secret_enc', 'is not', null)
      .orderBy('id')
      .execute(),
    petitions: await tx.selectFrom('petition').select(['id', 'sender_enc']).where('sender_enc', 'is not', null).orderBy('id').execute(),
  }));
}

async function rotations(): Promise<number> {
  const r = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<string>().as('n'))
      .where('action', '=', 'keys.rotate')
      .executeTakeFirstOrThrow(),
  );
  return Number(r.n);
}

function addKey(ring: Keyring): string {
  const id = `r${randomBytes(3).toString('hex')}`;
  ring.keys.set(id, randomBytes(32));
  ring.currentId = id;
  return id;
}

describe('ktgs keys rotate', () => {
  it('re-encrypts every value under the new key, in batches; the old key can then be removed', async () => {
    const { people, user, letterId } = await makeData(5);
    const before = await snapshot();
    const oldId = ctx.keyring.currentId;
    const audits = await rotations();
    const newId = addKey(ctx.keyring);

    const r = await rotateDataKeys(ctx, { batchSize: 2 });
    const total = before.members.length + before.relatives.length + before.users.length + before.petitions.length;
    expect(before.petitions.length).toBeGreaterThan(0);
    expect(r.currentKey).toBe(newId);
    expect(r.rewritten).toBe(total);
    expect(r.byKey).toEqual({ [newId]: total });
    expect(await rotations()).toBe(audits + 1);

    // A keyring holding only the new key (and the unchanged blind-index key) reads everything.
    const onlyNew: Keyring = { currentId: newId, keys: new Map([[newId, ctx.keyring.keys.get(newId)!]]), indexKey: ctx.keyring.indexKey };
    const after = await snapshot();
    for (const p of people) {
      const m = after.members.find((x) => x.id === p.memberId)!;
      expect(m.cccd_enc?.split('.')[1]).toBe(newId);
      expect(openCccd(onlyNew, m.cccd_enc)).toBe(p.cccd);
      // Look-ups by CCCD still find the member: the hash did not change, and the row's version neither.
      expect(Buffer.from(m.cccd_hash!).equals(cccdHash(onlyNew, p.cccd))).toBe(true);
      expect(m.version).toBe(before.members.find((x) => x.id === p.memberId)!.version);
    }
    const rel = after.relatives.map((x) => openCccd(onlyNew, x.cccd_enc));
    for (const p of people) expect(rel).toContain(p.relativeCccd);
    const u = after.users.find((x) => x.id === user.id)!;
    expect(decrypt(onlyNew, u.totp_secret_enc!, `totp:${user.id}`)).toBe(user.totpSecret);
    const sealed = after.petitions.find((x) => x.id === letterId)!;
    expect(JSON.parse(decrypt(onlyNew, sealed.sender_enc!, senderAad(letterId))).name).toBe('Phạm Văn Gửi');
    // The old key alone reads nothing any more.
    const onlyOld: Keyring = { ...onlyNew, currentId: oldId, keys: new Map([[oldId, ctx.keyring.keys.get(oldId)!]]) };
    expect(() => openCccd(onlyOld, after.members[0]!.cccd_enc)).toThrow();

    // The server started with the new key only: the user signs in with the second factor.
    const app = await buildApp({ ...ctx, keyring: onlyNew });
    try {
      const session = await login(app, user);
      const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
      expect(me.statusCode).toBe(200);
    } finally {
      await app.close();
    }

    // Running it again changes nothing (and is recorded once more).
    const again = await rotateDataKeys(ctx, { batchSize: 2 });
    expect(again.rewritten).toBe(0);
    expect(await snapshot()).toEqual(after);
    expect(await rotations()).toBe(audits + 2);
  });

  it('stops at a value it cannot decrypt, keeps the batches already done, and finishes when rerun', async () => {
    await makeData(4);
    const newId = addKey(ctx.keyring);
    const org = await orgByCode(ctx, 'X17662');
    // The last row in key order holds a value under a key no longer in the keyring.
    const lost: Keyring = { currentId: 'lost', keys: new Map([['lost', randomBytes(32)]]), indexKey: ctx.keyring.indexKey };
    const badId = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .insertInto('member')
        .values({
          id: badId,
          org_id: org.id,
          org_path: org.path,
          full_name: 'Lê Văn Hỏng',
          sort_key: 'hong',
          cccd_enc: encrypt(lost, '001099000001', 'cccd'),
        })
        .execute(),
    );
    await expect(rotateDataKeys(ctx, { batchSize: 2 })).rejects.toThrow(new RegExp(`member\\.cccd_enc.*${badId}`));
    const partial = await snapshot();
    const done = partial.members.filter((m) => m.cccd_enc?.split('.')[1] === newId).length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(partial.members.length - 1);

    // The operator deals with the row (here: the value is re-entered), then reruns.
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .updateTable('member')
        .set({ cccd_enc: sealCccd(ctx.keyring, '001099000001')!.enc })
        .where('id', '=', badId)
        .execute(),
    );
    const r = await rotateDataKeys(ctx, { batchSize: 2 });
    expect(r.rewritten).toBeGreaterThan(0);
    expect(Object.keys(r.byKey)).toEqual([newId]);
    expect(r.notes).toEqual([]);
  });

  it('through the control socket of a running embedded server, --new-key adds a key to the key file first', async () => {
    const [id, b64] = TEST_KEYS.split(':') as [string, string];
    await makeData(2);
    // The embedded key file holds every key the keyring has, as a server started from it would.
    const keysDir = path.join(dataDir, 'keys');
    fs.mkdirSync(keysDir, { recursive: true });
    const ring = ctx.keyring;
    const keys = Object.fromEntries([...ring.keys].map(([k, v]) => [k, v.toString('base64')]));
    expect(keys[id]).toBe(b64);
    fs.writeFileSync(
      path.join(keysDir, 'data-keys.json'),
      JSON.stringify({ current: ring.currentId, keys, index: ring.indexKey.toString('base64') }),
    );
    const stop = await startControlSocket(ctx);
    try {
      const reply = JSON.parse(await callControl(dataDir, '/run', JSON.stringify({ command: 'keys.rotate', args: { newKey: true } })));
      expect(reply.ok).toBe(true);
      const added = reply.result.addedKey as string;
      expect(ctx.keyring.currentId).toBe(added);
      expect(reply.result.byKey).toEqual({ [added]: expect.any(Number) });
      // A restart reads the same keys from the file, the new one current, the index key unchanged.
      const reloaded = loadKeyring({}, dataDir);
      expect(reloaded.currentId).toBe(added);
      expect(reloaded.indexKey.equals(ring.indexKey)).toBe(true);
      const stat = fs.statSync(path.join(keysDir, 'data-keys.json'));
      expect(stat.mode & 0o077).toBe(0);
      const idx = JSON.parse(await callControl(dataDir, '/run', JSON.stringify({ command: 'keys.index-key', args: {} })));
      expect(idx.result.indexKey).toBe(ring.indexKey.toString('base64'));
    } finally {
      await stop();
    }
  });

  it('lets a module register its encrypted columns, by safe names only', async () => {
    expect(() => registerEncryptedColumn({ table: 'member; drop table x', column: 'a', aad: () => '' })).toThrow();
    const n = encryptedColumns().length;
    registerEncryptedColumn({ table: 'member', column: 'cccd_enc', aad: () => 'cccd' });
    expect(encryptedColumns().length).toBe(n);
    expect(encryptedColumns().map((c) => `${c.table}.${c.column}`)).toEqual(
      expect.arrayContaining(['member.cccd_enc', 'relative.cccd_enc', 'app_user.totp_secret_enc']),
    );
  });
});
