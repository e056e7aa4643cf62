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
    // Even the owner is refused by the trigger.
    await expect(ctx.database.admin((c) => c.query("UPDATE audit_log SET action = 'x' WHERE seq = 1"))).rejects.toThrow(
      /chỉ được ghi thêm/,
    );
    await expect(ctx.database.admin((c) => c.query('TRUNCATE audit_log'))).rejects.toThrow(/chỉ được ghi thêm/);
  });

  it('a row changed behind the guard is caught, and verify names it', async () => {
    await ctx.database.admin(async (c) => {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await c.query("UPDATE audit_log SET actor_name = 'kẻ xấu' WHERE seq = 3");
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const result = await auditVerify(ctx);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(3);
    expect(result.firstBroken?.reason).toMatch(/thay đổi/);
  });

  it('a deleted entry in the middle is caught', async () => {
    await ctx.database.admin(async (c) => {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await c.query("UPDATE audit_log SET actor_name = 'Hệ thống' WHERE seq = 3");
      await c.query('DELETE FROM audit_log WHERE seq = 2');
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const result = await verifyChain(ctx.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.seq).toBe(2);
  });
});
