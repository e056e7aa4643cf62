// Registering letters (issue #6, points 1, 4, 6): numbered per body and year, the sender's contact sealed
// to its letter, the clock started, a copy of a stored letter linked as a duplicate and a letter about the
// same person in other words not. Runs on PGlite and on PostgreSQL.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { registerPetition, senderAad } from '../../server/src/modules/petitions/intake.service.ts';
import { systemActor } from '../../server/src/platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { decrypt } from '../../server/src/platform/crypto.ts';
import { type TestDb, testContext } from '../helpers/db.ts';
import { orgByCode } from '../helpers/factories.ts';

let ctx: TestDb;
beforeAll(async () => {
  ctx = await testContext();
});
afterAll(async () => {
  await ctx?.close();
});

type Letter = { id: string; text: string; cluster: string; letter: string; variant: string };
const corpus: Letter[] = fs
  .readFileSync(new URL('../fixtures/petitions/corpus.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

async function register(text: string, extra: Record<string, unknown> = {}) {
  const org = await orgByCode(ctx, 'X17662');
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
    registerPetition(ctx, tx, systemActor(), SYSTEM_SCOPE, {
      bodyOrgId: org.id,
      kind: 'denunciation',
      channel: 'post',
      receivedOn: '2026-11-20',
      subjectName: 'Nguyễn Văn Hùng',
      title: 'Tố cáo sai phạm đất đai',
      content: text,
      senderIdentity: 'named',
      senderAddressKnown: true,
      sender: { name: 'Cao Thanh Quý', address: 'khối 2, Đông Sơn', phone: '0912 345 678' },
      ...extra,
    }),
  );
}

describe('registering a letter', () => {
  it('numbers it, seals the sender to it, starts the clock (20/11/2026 + 90 working days = 5/4/2027) and proposes a topic', async () => {
    const original = corpus.find((l) => l.variant === 'original') as Letter;
    const r = await register(original.text);
    expect(r.code).toMatch(/^\d{2}\/2026\/ĐT$/);
    const row = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow(),
    );
    expect(row.sender_enc).not.toContain('Cao Thanh');
    expect(JSON.parse(decrypt(ctx.keyring, row.sender_enc as string, senderAad(r.id))).name).toBe('Cao Thanh Quý');
    expect(() => decrypt(ctx.keyring, row.sender_enc as string, senderAad('another'))).toThrow();
    expect(row.topic).toBe('land');
    // 90 working days from Friday 20/11/2026, across the Tết 2027 days off (domain.md §5, §10)
    expect(row.due_on).toBe('2027-04-05');
  });

  it('links a copy sent again as a duplicate and keeps a different letter about the same person apart', async () => {
    const byLetter = new Map<string, Letter[]>();
    for (const l of corpus) byLetter.set(l.letter, [...(byLetter.get(l.letter) ?? []), l]);
    const family = [...byLetter.values()].find((f) => f.some((l) => l.variant === 'level_copy')) as Letter[];
    const first = await register(family[0]!.text);
    const copy = await register(family.find((l) => l.variant === 'level_copy')!.text);
    expect(copy.duplicates).toBeGreaterThanOrEqual(1);
    const links = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition_link').selectAll().where('petition_id', '=', copy.id).execute(),
    );
    expect(links.map((l) => [l.other_id, l.relation])).toContainEqual([first.id, 'duplicate']);
    const other = corpus.find((l) => l.cluster !== family[0]!.cluster && l.variant === 'original')!;
    const apart = await register(other.text);
    const none = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('petition_link').select('other_id').where('petition_id', '=', apart.id).where('other_id', '=', first.id).execute(),
    );
    expect(none).toHaveLength(0);
  });
});
