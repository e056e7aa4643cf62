// The append-only, hash-chained audit log. Each entry's hash covers the previous entry's hash, its
// sequence number and the canonical JSON of the entry; the database computes it while holding the
// chain head's row lock, so concurrent appends form one chain. verifyChain() recomputes everything.

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { AuditVerifyResult } from '../../../../common/audit.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import type { DB } from '../../db/types.ts';
import type { Actor } from '../access/actor.ts';
import { SYSTEM_SCOPE } from '../access/scope.ts';
import { canonicalJson, digestOf, sha256Hex } from '../canonical.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** The root of the organisation tree: where entries about no particular organisation are scoped. */
export const ROOT_PATH = 'TW';

export interface AuditInput {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  /** ltree path of the organisation the entry concerns; defaults to the actor's home, then the root. */
  scopePath?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown> | null;
}

interface EntryFields {
  at: string;
  actorId: string | null;
  actorName: string | null;
  scopePath: string;
  action: string;
  entityType: string | null;
  entityId: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
}

export function canonicalEntry(e: EntryFields): string {
  return canonicalJson(e);
}

export function chainHash(prevHash: string, seq: number, canonical: string): string {
  return sha256Hex(`${prevHash}:${seq}:${canonical}`);
}

/** Appends one entry inside the caller's transaction, so the entry commits or rolls back with the write. */
export async function appendAudit(tx: Tx, actor: Actor, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const fields: EntryFields = {
    at: new Date().toISOString(),
    actorId: actor.userId,
    actorName: actor.username ?? actor.fullName,
    scopePath: input.scopePath ?? actor.orgPath ?? ROOT_PATH,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    beforeDigest: digestOf(input.before),
    afterDigest: digestOf(input.after),
    requestId: actor.requestId,
    detail: input.detail ?? null,
  };
  const canonical = canonicalEntry(fields);
  const { rows } = await sql<{ seq: number; hash: string }>`
    WITH prev AS (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE),
    nxt AS (
      SELECT prev.seq + 1 AS seq, prev.hash AS prev_hash,
             encode(digest(prev.hash || ':' || (prev.seq + 1)::text || ':' || ${canonical}::text, 'sha256'), 'hex') AS hash
      FROM prev),
    head AS (UPDATE audit_head h SET seq = nxt.seq, hash = nxt.hash FROM nxt WHERE h.id = 1 RETURNING h.seq)
    INSERT INTO audit_log (seq, at, actor_id, actor_name, scope_path, action, entity_type, entity_id,
                           before_digest, after_digest, request_id, detail, prev_hash, hash)
    SELECT nxt.seq, ${fields.at}::timestamptz, ${fields.actorId}::uuid, ${fields.actorName}, ${fields.scopePath}::ltree,
           ${fields.action}, ${fields.entityType}, ${fields.entityId}, ${fields.beforeDigest}, ${fields.afterDigest},
           ${fields.requestId}, ${fields.detail === null ? null : JSON.stringify(fields.detail)}::jsonb,
           nxt.prev_hash, nxt.hash
    FROM nxt, head
    RETURNING seq, hash`.execute(tx);
  return rows[0] as { seq: number; hash: string };
}

type Row = {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  scope_path: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  request_id: string | null;
  detail: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
};

function fieldsOf(r: Row): EntryFields {
  return {
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    scopePath: r.scope_path,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    beforeDigest: r.before_digest,
    afterDigest: r.after_digest,
    requestId: r.request_id,
    detail: r.detail,
  };
}

/** Recomputes the whole chain in order and names the first entry that does not hold. */
export async function verifyChain(db: Kysely<DB>, batch = 5000): Promise<AuditVerifyResult> {
  return inTransaction(db, SYSTEM_SCOPE, async (tx) => {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const rows = (await tx
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(batch)
        .execute()) as unknown as Row[];
      for (const r of rows) {
        const broken = (reason: string) => ({ ok: false, checked, firstBroken: { seq: Number(r.seq), reason } });
        if (Number(r.seq) !== expectedSeq) {
          return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: 'Thiếu bản ghi (số thứ tự bị ngắt quãng)' } };
        }
        if (r.prev_hash !== prevHash) return broken('Mã băm của bản ghi trước không khớp');
        if (chainHash(prevHash, expectedSeq, canonicalEntry(fieldsOf(r))) !== r.hash) {
          return broken('Nội dung bản ghi đã bị thay đổi (mã băm không khớp)');
        }
        prevHash = r.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (rows.length < batch) break;
    }
    const h = await tx.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
    if (h && (Number(h.seq) !== checked || h.hash !== prevHash)) {
      return { ok: false, checked, firstBroken: { seq: checked + 1, reason: 'Các bản ghi cuối của chuỗi đã bị xóa' } };
    }
    return { ok: true, checked, firstBroken: null };
  });
}

/**
 * Reading records that carry a secrecy mark is a confidential read: one entry names what was shown
 * (at most 100 ids), in the same transaction as the read. Unmarked rows leave no entry.
 */
export async function auditMarkedReads(
  tx: Tx,
  actor: Actor,
  entityType: string,
  rows: readonly { id: string; path: string; secrecy: number }[],
): Promise<void> {
  const marked = rows.filter((r) => r.secrecy > 0);
  if (marked.length === 0) return;
  await appendAudit(tx, actor, {
    action: 'secret.read',
    entityType,
    entityId: marked.length === 1 ? (marked[0] as { id: string }).id : null,
    scopePath: (marked[0] as { path: string }).path,
    detail: { ids: marked.slice(0, 100).map((r) => r.id), count: marked.length, highest: Math.max(...marked.map((r) => r.secrecy)) },
  });
}
