// Issue #2 point 5: the audit log is append-only and hash-chained; verification names the first
// broken entry after a row is tampered with behind the guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/src/db/context.ts';
import { auditVerify } from '../../server/src/ops/commands.ts';
import { systemActor } from '../../server/src/platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../server/src/platform/access/scope.ts';
import { appendAudit, verifyChain } from '../../server/src/platform/audit/audit.ts';
import { type TestDb, testContext } from '../helpers/db.ts';

let ctx: TestDb;

beforeAll(async () => {
  ctx = await testContext();
});
afterAll(async () => ctx?.close());

/**
 * Runs statements as the table owner with row-level security lifted (FORCE applies RLS to the owner
 * too; without it an UPDATE simply matches no row), in one transaction that commits or rolls back.
 */
async function asOwner(statements: string[], commit: boolean) {
  await ctx.database.admin(async (c) => {
    await c.query('BEGIN');
    try {
      await c.query('ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY');
      for (const s of statements) await c.query(s);
      await c.query('ALTER TABLE audit_log FORCE ROW LEVEL SECURITY');
      await c.query(commit ? 'COMMIT' : 'ROLLBACK');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
  });
}

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      appendAudit(tx, systemActor('req-test-0001'), {
        action: 'org.update',
        entityType: 'org_unit',
        entityId: `e${i}`,
        scopePath: 'TW.T01',
        before: { name: `Tên cũ ${i}` },
        after: { name: `Tên mới ${i}` },
        detail: { note: 'Đảng bộ phường Ba Đình', i },
      }),
    );
  }
}

describe('audit chain', () => {
  it('links each entry to the previous one and verifies', async () => {
    await append(5);
    const rows = await inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) =>
      tx.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute(),
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const result = await verifyChain(ctx.database.db);
    expect(result).toEqual({ ok: true, checked: rows.length, firstBroken: null });
  });

  it('concurrent appends still form one chain', async () => {
    await Promise.all(Array.from({ length: 8 }, () => append(2)));
    expect((await verifyChain(ctx.database.db)).ok).toBe(true);
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE, even for the system scope', async () => {
    await expect(
      inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => tx.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 1).execute()),
    ).rejects.toThrow();
    await expect(
      inTransaction(ctx.database.db, SYSTEM_SCOPE, (tx) => tx.deleteFrom('audit_log').where('seq', '=', 1).execute()),
    ).rejects.toThrow();
    // Even the owner, with row-level security lifted, is refused by the trigger.
    await expect(asOwner(["UPDATE audit_log SET action = 'x' WHERE seq = 1"], false)).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(asOwner(['TRUNCATE audit_log'], false)).rejects.toThrow(/chỉ được ghi thêm/);
    await expect(asOwner(['DELETE FROM audit_log WHERE seq = 1'], false)).rejects.toThrow(/chỉ được ghi thêm/);
  });

  it('a row changed behind the guard is caught, and verify names it', async () => {
    await asOwner(
      [
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
        "UPDATE audit_log SET actor_name = 'kẻ xấu' WHERE seq = 3",
        'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update',
      ],
      true,
    );
    const result = await auditVerify(ctx);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(3);
    expect(result.firstBroken?.reason).toMatch(/thay đổi/);
  });

  it('a deleted entry in the middle is caught', async () => {
    await asOwner(
      [
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
        "UPDATE audit_log SET actor_name = 'Hệ thống' WHERE seq = 3",
        'DELETE FROM audit_log WHERE seq = 2',
        'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update',
      ],
      true,
    );
    const result = await verifyChain(ctx.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(2);
  });
});
