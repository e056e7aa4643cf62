// The public portal (issue #6, point 2): a citizen sends a letter without an account and follows it with a
// receipt code and a secret. The defences follow GlobaLeaks where they apply: no account, no address kept
// (the throttle keys on a daily pseudonym held in memory), proof-of-work before every submission and
// look-up, exponential slow-down of wrong receipts, the same answer whether the code or the secret was
// wrong, attachments checked by content and only ever served as downloads.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { todayInVietnam } from '../../../../common/dates.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../../../../common/orgs.ts';
import {
  type PortalChallenge,
  type PortalReceipt,
  type PortalStatus,
  type portalBodiesQuerySchema,
  portalSubmissionSchema,
  powSchema,
} from '../../../../common/portal-api.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { type LoadedFile, loadFile, storeFile } from '../../platform/files/files.ts';
import { createPortalGuard, type PortalGuard } from '../../platform/portal/guard.ts';
import { POW_MESSAGES } from '../../platform/portal/pow.ts';
import { newReceipt, normaliseReceiptCode, receiptCodeHash, type StoredReceipt, verifyReceipt } from '../../platform/portal/receipt.ts';
import type { PortalAction, ThrottleResult } from '../../platform/portal/throttle.ts';
import { registerPetition } from '../petitions/intake.service.ts';
import * as repo from './portal.repository.ts';
import type { PortalUpload } from './portal.upload.ts';
import { toPortalStatus } from './portal.view.ts';

export type PortalSubmissionInput = z.output<typeof portalSubmissionSchema>;
type Pow = z.output<typeof powSchema>;

const PORTAL_ACTOR_LABEL = 'Cổng tiếp nhận đơn';
const WRONG_RECEIPT = 'Không tìm thấy đơn với mã tiếp nhận và mã bí mật này. Kiểm tra lại cả hai mã.';

/**
 * A zod failure as the API's 400: every field named (dotted path), the first one in the message; a value that
 * is wrong as a whole (not an object) is named by the form field `root` it came in.
 */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, root = '_'): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.map(String).join('.') || root] ??= issue.message;
  const [key, message] = Object.entries(fields)[0] as [string, string];
  throw new AppError('validation', `${message} (trường ${key})`, fields);
}

function waitText(seconds: number): string {
  return seconds > 120 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`;
}

function refused(r: Extract<ThrottleResult, { ok: false }>): AppError {
  const why = {
    address: 'Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn.',
    overall: 'Cổng tiếp nhận đang nhận quá nhiều yêu cầu.',
    failures: 'Mã tiếp nhận hoặc mã bí mật đã bị nhập sai nhiều lần.',
  }[r.scope];
  return new AppError('rate_limited', `${why} Vui lòng thử lại sau ${waitText(r.retryAfterSec)}.`, {
    retryAfterSeconds: String(r.retryAfterSec),
  });
}

export class PortalService {
  readonly guard: PortalGuard;
  private readonly ctx: AppContext;
  /** Checked when a code matches no letter, so that a wrong code costs what a wrong secret costs. */
  private readonly decoy: StoredReceipt = { codeHash: randomBytes(32), secretHash: randomBytes(32) };

  constructor(ctx: AppContext) {
    this.ctx = ctx;
    const p = ctx.config.portal;
    this.guard = createPortalGuard(ctx.keyring, {
      powDifficulty: p.powDifficulty,
      throttle: {
        limits: {
          submit: { perAddress: p.submitPerAddress, overall: p.submitOverall, windowMs: 3600_000 },
          status: { perAddress: p.lookupPerAddress, overall: p.lookupOverall, windowMs: 3600_000 },
        },
      },
    });
  }

  private actor(requestId: string): Actor {
    return systemActor(requestId, PORTAL_ACTOR_LABEL);
  }

  challenge(): PortalChallenge {
    return this.guard.pow.issueChallenge();
  }

  /** Counts a request from `address` (never stored: see platform/portal/throttle.ts); 429 over a limit. */
  throttle(action: PortalAction, address: string): void {
    const r = this.guard.throttle.check(action, address);
    if (!r.ok) throw refused(r);
  }

  private checkPow(pow: Pow): void {
    const r = this.guard.pow.verifySolution(pow.challenge, pow.nonce);
    if (r.ok) return;
    if (r.reason === 'busy') throw new AppError('unavailable', POW_MESSAGES.busy);
    throw invalid('pow', POW_MESSAGES[r.reason]);
  }

  async bodies(query: z.output<typeof portalBodiesQuerySchema>) {
    const rows = await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) => repo.searchBodies(tx, query.q, 50));
    return {
      items: rows.map((r) => {
        const level = ORG_KIND_LABELS[r.kind as OrgKind] ?? r.kind;
        // "Đảng bộ xã, phường, đặc khu · Đảng bộ tỉnh Thanh Hóa": tells apart communes of the same name.
        return { id: r.id, name: r.name, level: r.parent_name && r.parent_kind !== 'central' ? `${level} · ${r.parent_name}` : level };
      }),
    };
  }

  /** The `petition` field of a submission: its proof-of-work first (single use), then the form. */
  async acceptSubmission(raw: string): Promise<PortalSubmissionInput> {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw invalid('petition', 'Dữ liệu đơn gửi lên không đúng định dạng.');
    }
    const pow = powSchema.safeParse((json as { pow?: unknown } | null)?.pow);
    if (!pow.success) throw invalid('pow', 'Thiếu lời giải kiểm tra chống spam');
    this.checkPow(pow.data);
    return parseOr400(portalSubmissionSchema, json, 'petition');
  }

  /** Registers the letter and its files in one transaction, and hands out the receipt (shown once). */
  async submit(input: PortalSubmissionInput, files: PortalUpload[], requestId: string): Promise<PortalReceipt> {
    const named = !input.anonymous && !!input.sender?.name;
    const sender = named && input.sender ? input.sender : null;
    const receivedOn = todayInVietnam();
    const actor = this.actor(requestId);
    const key = this.guard.receiptKey;
    const { receipt, registered } = await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const body = await repo.receivingBody(tx, input.bodyOrgId);
      if (!body) throw invalid('bodyOrgId', 'Cơ quan nhận đơn không hợp lệ: chọn một cơ quan trong danh sách.');
      // 10^15 codes: a collision is unlikely, not impossible over millions of letters; draw again if so.
      let issued = newReceipt(key);
      for (let i = 0; i < 3 && (await repo.receiptInUse(tx, issued.stored.codeHash)); i++) issued = newReceipt(key);
      const registered = await registerPetition(this.ctx, tx, actor, SYSTEM_SCOPE, {
        bodyOrgId: body.id,
        kind: input.kind,
        channel: 'portal',
        receivedOn,
        subjectName: input.subjectName,
        subjectPosition: input.subjectPosition ?? null,
        title: input.title,
        content: input.content,
        senderIdentity: named ? 'named' : 'anonymous',
        senderAddressKnown: !!(sender?.address || sender?.phone || sender?.email),
        sender: sender
          ? { name: sender.name, address: sender.address ?? null, phone: sender.phone ?? null, email: sender.email ?? null }
          : null,
        receipt: issued.stored,
      });
      await this.storeFiles(tx, registered.id, registered.scopePath, null, files);
      return { receipt: issued.receipt, registered };
    });
    return { receiptCode: receipt.code, secret: receipt.secret, receivedOn, bodyName: registered.bodyName };
  }

  private async storeFiles(tx: Tx, petitionId: string, scopePath: string, messageId: string | null, files: PortalUpload[]) {
    for (const f of files) {
      const stored = await storeFile(tx, { scopePath, fileName: f.fileName, mime: f.mime, data: f.data, createdBy: null });
      await repo.addSenderFile(tx, { petitionId, scopePath, fileId: stored.id, messageId });
    }
  }

  /**
   * The letter a code and a secret open, or the same 404 whichever was wrong (and the same work: a code
   * that matches nothing is checked against a decoy). A wrong pair slows this address and this code down.
   */
  async openReceipt(tx: Tx, address: string, code: string, secret: string): Promise<{ id: string; digits: string }> {
    const digits = normaliseReceiptCode(code);
    if (!digits) throw invalid('receiptCode', 'Mã tiếp nhận không đúng: mã gồm 16 chữ số, hãy kiểm tra lại.');
    const wait = this.guard.throttle.lookupWait(address, digits);
    if (!wait.ok) throw refused(wait);
    const row = await repo.findByReceipt(tx, receiptCodeHash(this.guard.receiptKey, digits) as Buffer);
    const stored =
      row?.receipt_code_hash && row.receipt_secret_hash
        ? { codeHash: row.receipt_code_hash, secretHash: row.receipt_secret_hash }
        : this.decoy;
    if (!verifyReceipt(this.guard.receiptKey, stored, digits, secret) || !row) {
      this.guard.throttle.recordFailure(address, digits);
      throw new AppError('not_found', WRONG_RECEIPT);
    }
    this.guard.throttle.recordSuccess(address);
    return { id: row.id, digits };
  }

  private async view(tx: Tx, id: string, digits: string): Promise<{ status: PortalStatus; scopePath: string }> {
    const [row, messages, files] = await Promise.all([repo.statusRow(tx, id), repo.messages(tx, id), repo.visibleFiles(tx, id)]);
    return { status: toPortalStatus(digits, row, messages, files), scopePath: row.scope_path };
  }

  async status(address: string, req: { pow: Pow; receiptCode: string; secret: string }, requestId: string): Promise<PortalStatus> {
    this.checkPow(req.pow);
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const { id, digits } = await this.openReceipt(tx, address, req.receiptCode, req.secret);
      const { status, scopePath } = await this.view(tx, id, digits);
      // A confidential record was read: logged, with the letter's id only.
      await appendAudit(tx, this.actor(requestId), { action: 'portal.status_read', entityType: 'petition', entityId: id, scopePath });
      return status;
    });
  }

  /** Checks the code and secret of a reply before its files are read (see readPortalForm). */
  async acceptReply(address: string, req: { receiptCode: string; secret: string }) {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) => this.openReceipt(tx, address, req.receiptCode, req.secret));
  }

  async reply(opened: { id: string; digits: string }, body: string, files: PortalUpload[], requestId: string): Promise<PortalStatus> {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const { scope_path: scopePath } = await repo.statusRow(tx, opened.id);
      const messageId = await repo.addMessage(tx, { petitionId: opened.id, scopePath, body });
      await this.storeFiles(tx, opened.id, scopePath, messageId, files);
      await appendAudit(tx, this.actor(requestId), {
        action: 'petition.sender_message',
        entityType: 'petition',
        entityId: opened.id,
        scopePath,
        // How much was sent, not what: the audit log is read by auditors, not by the letter's handlers.
        detail: { messageId, files: files.length },
      });
      return (await this.view(tx, opened.id, opened.digits)).status;
    });
  }

  async file(address: string, req: { receiptCode: string; secret: string }, fileId: string, requestId: string): Promise<LoadedFile> {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) => {
      const { id } = await this.openReceipt(tx, address, req.receiptCode, req.secret);
      const [visible] = await repo.visibleFiles(tx, id, fileId);
      if (!visible) throw notFound('Tệp');
      const file = await loadFile(tx, visible.id, 'Tệp');
      await appendAudit(tx, this.actor(requestId), {
        action: 'portal.file_read',
        entityType: 'petition',
        entityId: id,
        scopePath: file.scopePath,
        detail: { fileId: file.id },
      });
      return file;
    });
  }
}
