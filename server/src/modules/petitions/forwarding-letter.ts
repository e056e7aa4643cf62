// The forwarding slip of a letter screened "forward" (issue #6, point 3; domain.md §5): composed by
// domain/petitions/forwarding-letter.ts, numbered once on the receiving body's yearly "PC" sequence (a
// regeneration keeps the number and replaces the file, as case documents do), rendered as DOCX in the
// Party's format, stored with the letter's scope and secrecy, linked from the letter, audited. Runs inside
// the caller's transaction (the route's, or the demo seed's), so the slip and the letter change together.
import { sql } from 'kysely';
import { todayInVietnam } from '../../../../common/dates.ts';
import {
  COMPETENT_BODY_TYPES,
  type CompetentBodyType,
  type PetitionChannel,
  type PetitionKind,
  type SenderIdentity,
} from '../../../../common/petitions.ts';
import { inTransaction, type Tx } from '../../db/context.ts';
import { issuerOf, numberText } from '../../domain/documents/issuer.ts';
import {
  competentBodyName,
  composeForwardingLetter,
  FORWARDING_SYMBOL,
  type ForwardingFacts,
  forwardingTitle,
  resolvingBodyType,
} from '../../domain/petitions/forwarding-letter.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertVisible, assertWritable, requireScope, SYSTEM_SCOPE } from '../../platform/access/scope.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { conflict, invalid, notFound } from '../../platform/errors.ts';
import { cleanFileName, DOCX_MIME, storeFile } from '../../platform/files/files.ts';
import { nextNumber } from '../../platform/numbering/counter.repository.ts';
import { renderDocx } from '../documents/render.ts';

interface OrgNode {
  id: string;
  kind: string;
  name: string;
  path: string;
  has_inspection_committee: boolean;
}

/** The organisations from the root down to `orgId`. */
function chainOf(tx: Tx, orgId: string): Promise<OrgNode[]> {
  return tx
    .selectFrom('org_unit')
    .select(['id', 'kind', 'name', 'path', 'has_inspection_committee'])
    .where(sql<boolean>`path @> (SELECT o.path FROM org_unit o WHERE o.id = ${orgId}::uuid)`)
    .orderBy(sql`nlevel(path)`)
    .execute();
}

/** The organisation chains the slip names: the receiving body's and the competent body's. */
export interface ForwardingTrees {
  body: OrgNode[];
  competent: OrgNode[];
}

/**
 * The chains, read as system work in a transaction of their own, BEFORE the officer's: the heading names
 * the bodies above the officer's scope and the competent body is usually above or beside it; those rows
 * are the public national tree, but row-level security hides them from a commune officer. (Inside the
 * officer's transaction a second one would wait forever on PGlite's single connection.) Only ids of the
 * letter are read here; access to the letter is checked by generateForwardingLetter.
 */
export async function forwardingTrees(ctx: AppContext, petitionId: string): Promise<ForwardingTrees | null> {
  return inTransaction(ctx.database.db, SYSTEM_SCOPE, async (tx) => {
    const row = await tx.selectFrom('petition').select(['body_org_id', 'forward_org_id']).where('id', '=', petitionId).executeTakeFirst();
    if (!row?.forward_org_id) return null;
    const [body, competent] = await Promise.all([chainOf(tx, row.body_org_id), chainOf(tx, row.forward_org_id)]);
    return { body, competent };
  });
}

type ForwardTo = { orgId?: unknown; path?: unknown; type?: unknown; reason?: unknown };

/** What screening recorded about the competent body and telling the sender (H1 stores the result there). */
function screeningResult(screening: unknown): { forwardTo: ForwardTo | null; tellSender: boolean | null } {
  const result = (screening as { result?: { forwardTo?: ForwardTo | null; tellSender?: unknown } } | null)?.result;
  return {
    forwardTo: result?.forwardTo && typeof result.forwardTo === 'object' ? result.forwardTo : null,
    tellSender: typeof result?.tellSender === 'boolean' ? result.tellSender : null,
  };
}

/** `trees` from forwardingTrees() for an officer; omitted in a system transaction (the demo seed), read here. */
export async function generateForwardingLetter(
  _ctx: AppContext,
  tx: Tx,
  actor: Actor,
  petitionId: string,
  signer: { signerName: string; signerTitle: string },
  trees?: ForwardingTrees | null,
): Promise<{ fileId: string; numberText: string }> {
  const scope = requireScope(actor, 'petition.write');
  // Locked: two generations queue, and the number is drawn once.
  const row = await tx.selectFrom('petition').selectAll().where('id', '=', petitionId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('Đơn');
  assertVisible(scope, { path: row.scope_path, secrecy: row.secrecy }, 'Đơn');
  assertWritable(scope, row.scope_path);
  if (row.screening_outcome !== 'forward' || !row.forward_org_id)
    throw invalid('status', 'Chỉ lập phiếu chuyển đơn cho đơn đã được phân loại chuyển đến cấp có thẩm quyền giải quyết.');
  const forwardOrgId = row.forward_org_id;

  const { body: bodyChain, competent: competentChain } = trees ?? {
    body: await chainOf(tx, row.body_org_id),
    competent: await chainOf(tx, forwardOrgId),
  };
  const bodyOrg = bodyChain.at(-1);
  const competentOrg = competentChain.at(-1);
  if (!bodyOrg || !competentOrg) throw invalid('forwardOrgId', 'Không tìm thấy cơ quan có thẩm quyền nhận đơn chuyển.');
  // The chains were read before this transaction: the letter must not have been re-screened since.
  if (bodyOrg.id !== row.body_org_id || competentOrg.id !== forwardOrgId) throw conflict();
  const issuer = issuerOf(bodyChain, resolvingBodyType({ kind: bodyOrg.kind, hasInspectionCommittee: bodyOrg.has_inspection_committee }));

  const recorded = screeningResult(row.screening);
  const sameBody =
    recorded.forwardTo !== null && (recorded.forwardTo.orgId === competentOrg.id || recorded.forwardTo.path === competentOrg.path);
  const recordedType = sameBody ? recorded.forwardTo?.type : undefined;
  const competentType: CompetentBodyType = COMPETENT_BODY_TYPES.includes(recordedType as CompetentBodyType)
    ? (recordedType as CompetentBodyType)
    : resolvingBodyType({ kind: competentOrg.kind, hasInspectionCommittee: competentOrg.has_inspection_committee });
  const reason = sameBody && typeof recorded.forwardTo?.reason === 'string' ? recorded.forwardTo.reason : null;
  // The sender can be told when they can be reached: named with an address, or following on the portal.
  const senderTold =
    recorded.tellSender ?? ((row.sender_identity === 'named' && row.sender_address_known) || row.receipt_code_hash !== null);

  const today = todayInVietnam();
  const issuedOn = today < row.received_on ? row.received_on : today;
  let text = row.forward_number_text;
  if (!text) {
    const n = await nextNumber(
      tx,
      row.body_org_id,
      Number(issuedOn.slice(0, 4)),
      `${FORWARDING_SYMBOL}/${issuer.abbreviation}`,
      row.scope_path,
    );
    text = numberText(n, FORWARDING_SYMBOL, issuer.abbreviation);
  }

  const facts: ForwardingFacts = {
    code: row.code,
    issuer,
    secrecy: row.secrecy,
    kind: row.kind as PetitionKind,
    channel: row.channel as PetitionChannel,
    receivedOn: row.received_on,
    sourceName: row.source_name,
    sourceRef: row.source_ref,
    senderIdentity: row.sender_identity as SenderIdentity,
    senderTold,
    title: row.title,
    subject: {
      kind: row.subject_member_id ? 'member' : row.subject_org_id ? 'org' : 'named',
      name: row.subject_name,
      position: row.subject_position,
    },
    competent: { name: competentBodyName(competentOrg, competentType), reason },
    signer: { name: signer.signerName, title: signer.signerTitle },
  };
  const title = forwardingTitle(row.code, text);
  const data = await renderDocx(composeForwardingLetter(facts, { issuedOn, numberText: text }), { title, creator: 'KTGS' });
  const file = await storeFile(tx, {
    scopePath: row.scope_path,
    secrecy: row.secrecy,
    fileName: cleanFileName(`Phiếu chuyển đơn ${text.replaceAll('/', '-')} - đơn ${row.code.replaceAll('/', '-')}.docx`),
    mime: DOCX_MIME,
    data,
    createdBy: actor.userId,
  });
  await tx
    .updateTable('petition')
    .set({
      forward_file_id: file.id,
      forward_number_text: text,
      forwarded_on: row.forwarded_on ?? issuedOn,
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', row.id)
    .execute();
  await appendAudit(tx, actor, {
    action: 'petition.forwarding_letter',
    entityType: 'petition',
    entityId: row.id,
    scopePath: row.scope_path,
    // The slip's identity, never the sender's.
    before: { numberText: row.forward_number_text, fileId: row.forward_file_id },
    after: { code: row.code, numberText: text, forwardOrgId, issuedOn, fileId: file.id, sha256: file.sha256 },
  });
  return { fileId: file.id, numberText: text };
}
