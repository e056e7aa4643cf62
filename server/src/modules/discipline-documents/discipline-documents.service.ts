// The discipline decision as a DOCX in the Party's format (issue #5 point 3): numbered once from the
// issuing body's yearly "QĐ" sequence (shared with case decisions), a new revision on each generation,
// downloaded as an attachment. Scope and clearance first, then the composer, then one transaction, audited.
import type { BodyType } from '../../../../common/cases.ts';
import {
  AGGRAVATING_LABELS,
  type Aggravating,
  type DisciplineForm,
  FORM_LABELS,
  isDisciplineForm,
  MITIGATING_LABELS,
  type Mitigating,
} from '../../../../common/discipline.ts';
import type { DisciplineDocGenerate, DisciplineDocument } from '../../../../common/discipline-documents.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { takesEffectOnAnnouncement } from '../../domain/discipline/effect.ts';
import { composeDisciplineDecision, type DecisionFacts, decisionTitle } from '../../domain/discipline-documents/decision.ts';
import { type Issuer, issuerOf, numberText } from '../../domain/documents/issuer.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope, type Scope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { cleanFileName, DOCX_MIME, type LoadedFile, loadFile, storeFile } from '../../platform/files/files.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import { scopeForAny } from '../discipline/discipline.access.ts';
import { memberOrgName, orgChain } from '../documents/documents.repository.ts';
import { renderDocx } from '../documents/render.ts';
import * as repo from './discipline-documents.repository.ts';

const SYMBOL = 'QĐ';
const WHAT = 'Quyết định kỷ luật';

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

function formLabel(form: string): string {
  return lowerFirst(isDisciplineForm(form) ? FORM_LABELS[form as DisciplineForm] : form);
}

export class DisciplineDocumentService {
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  private run<T>(scope: Scope, fn: (tx: Tx) => Promise<T>) {
    return inTransaction(this.ctx.database.db, scope, fn);
  }

  /** The decision and its matter as the actor may see them (marked above the clearance: not found). */
  private async visible(tx: Tx, scope: Scope, id: string, lock = false) {
    const d = lock ? await repo.lockDecision(tx, id) : await repo.findDecision(tx, id);
    if (!d) throw notFound(WHAT);
    const m = await repo.findMatter(tx, d.matter_id);
    if (!m) throw notFound(WHAT);
    assertVisible(scope, { path: d.scope_path, secrecy: Math.max(d.secrecy, m.secrecy) }, WHAT);
    return { d, m };
  }

  /**
   * The issuing body's heading, read in the system scope: it names the bodies above, which a commune
   * officer may not otherwise see. Called only for a decision already found visible.
   */
  private issuer(m: repo.MatterRow): Promise<Issuer> {
    return inTransaction(this.ctx.database.db, SYSTEM_SCOPE, async (tx) =>
      issuerOf(await orgChain(tx, m.body_org_id), m.body_type as BodyType),
    );
  }

  private async facts(tx: Tx, d: repo.DecisionRow, m: repo.MatterRow, issuer: Issuer): Promise<DecisionFacts> {
    const violations = await repo.violationsOf(tx, m.id);
    const meeting = d.meeting_id ? await repo.findMeeting(tx, d.meeting_id) : undefined;
    const orgName = m.subject_member_id ? await memberOrgName(tx, m.subject_member_id) : null;
    return {
      code: m.code,
      bodyType: m.body_type as BodyType,
      issuer,
      secrecy: Math.max(d.secrecy, m.secrecy),
      subject: m.subject_member_id
        ? { kind: 'member', name: m.subject_name, orgName }
        : { kind: 'org', name: m.subject_name, orgName: null },
      source: m.source,
      sourceRef: m.source_ref,
      caseCode: m.case_id ? await repo.caseCode(tx, m.case_id) : null,
      violations: violations.map((v) => ({
        seq: v.seq,
        occurredOn: v.occurred_on,
        description: v.description,
        ruleViolated: v.rule_violated,
      })),
      meeting: meeting
        ? {
            heldOn: meeting.held_on,
            officialMembers: meeting.official_members,
            present: meeting.present,
            ballots: meeting.ballots.map((b) => ({ formLabel: formLabel(b.form), votes: b.votes })),
          }
        : null,
      formLabel: formLabel(d.form),
      mitigating: m.mitigating.map((c) => lowerFirst(MITIGATING_LABELS[c as Mitigating] ?? c)),
      aggravating: m.aggravating.map((c) => lowerFirst(AGGRAVATING_LABELS[c as Aggravating] ?? c)),
      effectiveOn: d.effective_on,
      effectiveWhen: takesEffectOnAnnouncement(m.body_type as BodyType, d.form) ? 'announced' : 'signed',
    };
  }

  async generate(actor: Actor, decisionId: string, input: DisciplineDocGenerate): Promise<DisciplineDocument> {
    // Preparing the document is for those who prepare (discipline.write) or decide (discipline.decide).
    const scope = scopeForAny(actor, ['discipline.write', 'discipline.decide']);
    const { m: head } = await this.run(scope, (tx) => this.visible(tx, scope, decisionId));
    assertWritable(scope, head.scope_path);
    const issuer = await this.issuer(head);
    return this.run(scope, async (tx) => {
      const { d, m } = await this.visible(tx, scope, decisionId, true);
      if (d.status === 'annulled')
        throw invalid('decisionId', 'Quyết định kỷ luật đã bị xóa bỏ theo kết quả giải quyết khiếu nại: không tạo lại văn bản.');
      const issuedOn = input.issuedOn ?? d.decided_on;
      if (issuedOn < d.decided_on) throw invalid('issuedOn', 'Ngày ban hành không được trước ngày quyết định kỷ luật.');
      // The number is drawn at the first generation and kept by every regeneration.
      let number = d.number;
      let text = d.number_text;
      if (!text) {
        number = await nextNumber(tx, m.body_org_id, Number(issuedOn.slice(0, 4)), `${SYMBOL}/${issuer.abbreviation}`, m.scope_path);
        text = numberText(number, SYMBOL, issuer.abbreviation);
      }
      const revision = d.revision + 1;
      const facts = await this.facts(tx, d, m, issuer);
      const title = decisionTitle(facts);
      const data = await renderDocx(composeDisciplineDecision(facts, { issuedOn, numberText: text }), { title, creator: 'KTGS' });
      const fileName = cleanFileName(`Quyết định kỷ luật ${text.replace('/', '-')} - ${m.code} - lần ${revision}.docx`);
      const secrecy = Math.max(d.secrecy, m.secrecy);
      const file = await storeFile(tx, { scopePath: d.scope_path, secrecy, fileName, mime: DOCX_MIME, data, createdBy: actor.userId });
      const version = await repo.recordGenerated(tx, d.id, { number, number_text: text, revision, file_id: file.id });
      await appendAudit(tx, actor, {
        action: 'discipline_document.generate',
        entityType: 'discipline_decision',
        entityId: d.id,
        scopePath: d.scope_path,
        before: { numberText: d.number_text, revision: d.revision },
        after: { matterId: m.id, numberText: text, revision, issuedOn, sha256: file.sha256 },
      });
      return { decisionId: d.id, number, numberText: text, revision, issuedOn, title, fileName: file.fileName, size: file.size, version };
    });
  }

  /** The newest generated DOCX; reading a marked decision's file is audited. */
  async file(actor: Actor, decisionId: string): Promise<LoadedFile> {
    const scope = requireScope(actor, 'discipline.read');
    return this.run(scope, async (tx) => {
      const { d, m } = await this.visible(tx, scope, decisionId);
      if (!d.file_id) throw notFound('Văn bản quyết định kỷ luật (chưa được tạo)');
      const f = await loadFile(tx, d.file_id, 'Văn bản quyết định kỷ luật');
      const secrecy = Math.max(d.secrecy, m.secrecy);
      if (secrecy > 0)
        await appendAudit(tx, actor, {
          action: 'discipline_document.download',
          entityType: 'discipline_decision',
          entityId: d.id,
          scopePath: d.scope_path,
          detail: { matterId: m.id, revision: d.revision, secrecy },
        });
      return f;
    });
  }
}
