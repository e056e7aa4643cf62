// Documents of a case: list what the case offers, generate (number on first generation, a new
// revision on each), download, and file the signed scan back. Scope and clearance first, then the
// rule (domain/documents), then the repository in one transaction, audited.
import type { CaseKind } from '../../../../common/cases.ts';
import { todayInVietnam } from '../../../../common/dates.ts';
import {
  type CaseDocument,
  type CaseDocuments,
  DOC_SYMBOLS,
  DOC_TYPE_LABELS,
  DOC_TYPES,
  type DocGenerate,
  type DocType,
  MULTI_SESSION_TYPES,
} from '../../../../common/documents.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { availability, DOC_STEP, docApplies } from '../../domain/documents/availability.ts';
import { composeDocument, documentTitle } from '../../domain/documents/compose.ts';
import { type Issuer, issuerOf, numberText } from '../../domain/documents/issuer.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope, type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit, auditMarkedReads } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { cleanFileName, DOCX_MIME, type LoadedFile, loadFile, storeFile } from '../../platform/files/files.ts';
import type { Upload } from '../../platform/files/http.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import { loadFacts } from './case-facts.ts';
import * as repo from './documents.repository.ts';
import { renderDocx } from './render.ts';

/** A signed scan is a PDF or a scanned image, nothing else. */
const SIGNED_MIMES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']);

function toDocument(r: repo.DocumentRow): CaseDocument {
  return {
    id: r.id,
    caseId: r.case_id,
    docType: r.doc_type as DocType,
    title: r.title,
    revision: r.revision,
    number: r.number,
    numberText: r.number_text,
    year: r.year,
    fileName: r.file_name,
    size: r.size,
    generatedAt: new Date(r.generated_at).toISOString(),
    signed:
      r.signed_file_name && r.signed_at
        ? { fileName: r.signed_file_name, mime: r.signed_mime ?? '', size: r.signed_size ?? 0, at: new Date(r.signed_at).toISOString() }
        : null,
  };
}

/** The decision carries the date it was decided; the notice the date it was given; others today (UTC+7). */
function defaultIssuedOn(type: DocType, c: repo.CaseRow): string {
  if (type === 'decision' && c.decided_on) return c.decided_on;
  if (type === 'conclusion_notice' && c.notified_on) return c.notified_on;
  return todayInVietnam();
}

export class DocumentService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  private async visibleCase(tx: Tx, scope: Scope, id: string): Promise<repo.CaseRow> {
    const c = await repo.findCase(tx, id);
    if (!c) throw notFound('Cuộc kiểm tra, giám sát');
    assertVisible(scope, { path: c.scope_path, secrecy: c.secrecy }, 'Cuộc kiểm tra, giám sát');
    return c;
  }

  /**
   * The issuing body's heading, read in the system scope: the heading names the bodies above it, which
   * an officer of a commune may not otherwise see. Called only for a case already found visible.
   */
  private async issuer(c: repo.CaseRow): Promise<Issuer> {
    const chain = await inTransaction(this.ctx.database.db, SYSTEM_SCOPE, (tx) => repo.orgChain(tx, c.body_org_id));
    return issuerOf(chain, c.body_type as Parameters<typeof issuerOf>[1]);
  }

  async list(actor: Actor, caseId: string): Promise<CaseDocuments> {
    const scope = requireScope(actor, 'inspection.read');
    const head = await this.run(scope, (tx) => this.visibleCase(tx, scope, caseId));
    const issuer = await this.issuer(head);
    return this.run(scope, async (tx) => {
      const c = await this.visibleCase(tx, scope, caseId);
      const facts = await loadFacts(tx, c, issuer);
      const rows = await repo.documentsOf(tx, caseId);
      await auditMarkedReads(tx, actor, 'inspection_case', [{ id: c.id, path: c.scope_path, secrecy: c.secrecy }]);
      const items = DOC_TYPES.filter((t) => docApplies({ kind: c.kind as CaseKind }, t)).map((t) => {
        const a = availability(facts, t);
        return {
          docType: t,
          label: DOC_TYPE_LABELS[t],
          available: a.ok,
          reason: a.ok ? null : a.reason,
          numbered: DOC_SYMBOLS[t] !== null,
          revisions: rows.filter((r) => r.doc_type === t).map(toDocument),
        };
      });
      return { caseId, items };
    });
  }

  async generate(actor: Actor, caseId: string, input: DocGenerate): Promise<CaseDocument> {
    const scope = requireScope(actor, 'inspection.write');
    const head = await this.run(scope, (tx) => this.visibleCase(tx, scope, caseId));
    assertWritable(scope, head.scope_path);
    const issuer = await this.issuer(head);
    const type = input.docType;
    return this.run(scope, async (tx) => {
      await repo.lockCase(tx, caseId);
      const c = await this.visibleCase(tx, scope, caseId);
      const facts = await loadFacts(tx, c, issuer);
      const a = availability(facts, type);
      if (!a.ok) throw invalid('docType', a.reason);
      const latest = await repo.latestOf(tx, caseId, type);
      const target = await this.revised(tx, c.id, type, input, latest);
      const issuedOn = input.issuedOn ?? defaultIssuedOn(type, c);
      // The number is taken once, at the first generation; a regeneration keeps it (and its year).
      const year = target?.year ?? Number(issuedOn.slice(0, 4));
      let number = target?.number ?? null;
      let text = target?.number_text ?? null;
      const symbol = DOC_SYMBOLS[type];
      if (!target && type === 'decision' && c.decision_no) {
        // The decision was recorded with its number (issued from the office's register): the document
        // carries that number rather than drawing a second one.
        text = c.decision_no;
        const lead = /^\d+/.exec(c.decision_no);
        number = lead ? Number(lead[0]) : null;
      } else if (!target && symbol) {
        number = await nextNumber(tx, c.body_org_id, year, `${symbol}/${issuer.abbreviation}`, c.scope_path);
        text = numberText(number, symbol, issuer.abbreviation);
      }
      const revision = (latest?.revision ?? 0) + 1;
      const model = composeDocument(type, facts, { issuedOn, numberText: text });
      const title = documentTitle(type, facts);
      const data = await renderDocx(model, { title, creator: 'KTGS' });
      const fileName = cleanFileName(
        `${DOC_TYPE_LABELS[type]}${text ? ` ${text.replace('/', '-')}` : ''} - ${c.code} - lần ${revision}.docx`,
      );
      const file = await storeFile(tx, {
        scopePath: c.scope_path,
        secrecy: c.secrecy,
        fileName,
        mime: DOCX_MIME,
        data,
        createdBy: actor.userId,
      });
      const id = await repo.insertDocument(tx, {
        case_id: c.id,
        scope_path: c.scope_path,
        doc_type: type,
        step: DOC_STEP[type],
        issuer_org_id: c.body_org_id,
        year,
        number,
        number_text: text,
        title,
        revision,
        file_id: file.id,
        generated_by: actor.userId,
      });
      await appendAudit(tx, actor, {
        action: 'document.generate',
        entityType: 'case_document',
        entityId: id,
        scopePath: c.scope_path,
        after: { caseId: c.id, docType: type, revision, numberText: text, issuedOn, sha256: file.sha256 },
      });
      const row = (await repo.documentsOf(tx, c.id)).find((r) => r.id === id);
      if (!row) throw notFound('Văn bản');
      return toDocument(row);
    });
  }

  /** Which earlier document a generation revises (its number kept), or null for a new number. */
  private async revised(tx: Tx, caseId: string, type: DocType, input: DocGenerate, latest: repo.CaseDocumentRow | undefined) {
    if (input.newSession || input.of) {
      if (!MULTI_SESSION_TYPES.includes(type))
        throw invalid(input.of ? 'of' : 'newSession', 'Mỗi cuộc chỉ có một văn bản loại này; tạo lại sẽ thêm lần sửa của văn bản đó.');
    }
    if (input.newSession) return null;
    if (input.of) {
      const d = await repo.findDocument(tx, input.of);
      if (!d || d.case_id !== caseId || d.doc_type !== type)
        throw invalid('of', 'Văn bản cần tạo lại không thuộc cuộc này hoặc khác loại.');
      return d;
    }
    return latest ?? null;
  }

  /** A document revision and its case, as the actor may see them. */
  private async visibleDocument(tx: Tx, scope: Scope, id: string) {
    const d = await repo.findDocument(tx, id);
    if (!d) throw notFound('Văn bản');
    const c = await repo.findCase(tx, d.case_id);
    if (!c) throw notFound('Văn bản');
    assertVisible(scope, { path: c.scope_path, secrecy: c.secrecy }, 'Văn bản');
    return { d, c };
  }

  /** The generated DOCX (signed = false) or the signed scan; reading a marked case's file is audited. */
  async file(actor: Actor, id: string, signed: boolean): Promise<LoadedFile> {
    const scope = requireScope(actor, 'inspection.read');
    return this.run(scope, async (tx) => {
      const { d, c } = await this.visibleDocument(tx, scope, id);
      const fileId = signed ? d.signed_file_id : d.file_id;
      if (!fileId) throw notFound('Bản ký của văn bản');
      const f = await loadFile(tx, fileId, signed ? 'Bản ký của văn bản' : 'Văn bản');
      if (c.secrecy > 0)
        await appendAudit(tx, actor, {
          action: signed ? 'document.signed_download' : 'document.download',
          entityType: 'case_document',
          entityId: d.id,
          scopePath: c.scope_path,
          detail: { caseId: c.id, docType: d.doc_type, revision: d.revision, secrecy: c.secrecy },
        });
      return f;
    });
  }

  async uploadSigned(actor: Actor, id: string, upload: Upload): Promise<CaseDocument> {
    const scope = requireScope(actor, 'inspection.write');
    if (!SIGNED_MIMES.has(upload.mime)) throw invalid('file', 'Bản ký phải là tệp PDF hoặc ảnh quét (PNG, JPEG, TIFF).');
    return this.run(scope, async (tx) => {
      const { d, c } = await this.visibleDocument(tx, scope, id);
      assertWritable(scope, c.scope_path);
      const file = await storeFile(tx, {
        scopePath: c.scope_path,
        secrecy: c.secrecy,
        fileName: upload.fileName,
        mime: upload.mime,
        data: upload.data,
        createdBy: actor.userId,
      });
      await repo.setSigned(tx, d.id, file.id);
      const step = (await repo.stepsOf(tx, c.id)).filter((s) => s.step === d.step).at(-1);
      await repo.attachToStep(tx, {
        case_id: c.id,
        step_id: step?.id ?? null,
        scope_path: c.scope_path,
        title: `${d.title}${d.number_text ? ` (số ${d.number_text})` : ''}, bản ký`,
        file_id: file.id,
        created_by: actor.userId,
      });
      await appendAudit(tx, actor, {
        action: 'document.sign_upload',
        entityType: 'case_document',
        entityId: d.id,
        scopePath: c.scope_path,
        after: { caseId: c.id, docType: d.doc_type, revision: d.revision, fileName: file.fileName, sha256: file.sha256 },
      });
      const row = (await repo.documentsOf(tx, c.id)).find((r) => r.id === d.id);
      if (!row) throw notFound('Văn bản');
      return toDocument(row);
    });
  }
}
