// The rule of an organisation import: codes, kinds and their placement (ALLOWED_CHILDREN), with the
// parent either in the file or already in the tree; new units are placed parent first.
import { randomUUID } from 'node:crypto';
import { ORG_KIND_LABELS, ORG_KINDS, type OrgKind } from '../../../../common/orgs.ts';
import { inspectionCommitteeProblem, placementProblem } from '../../domain/org-tree.ts';
import { FirstSeen, rowReader, YES_NO } from './fields.ts';
import type { OrgRef } from './members.repository.ts';
import type { OrgWrite } from './orgs-posts.repository.ts';
import { type RowError, rowError, type SheetRow } from './parse.ts';

export interface OrgCandidate {
  row: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentCode: string;
  hasCommittee: boolean | null;
  hasInspectionCommittee: boolean | null;
  validFrom: string | null;
}

const CODE = /^[A-Za-z0-9_]{1,40}$/;
const KINDS: Record<string, OrgKind> = Object.fromEntries([
  ...ORG_KINDS.map((k) => [ORG_KIND_LABELS[k], k]),
  ...ORG_KINDS.map((k) => [k, k]),
]) as Record<string, OrgKind>;

/** Reads every row; `broken` gets the codes of rows with errors, so their children say so. */
export function readOrgRows(rows: SheetRow[], errors: RowError[], broken: Map<string, number>): OrgCandidate[] {
  const seen = new FirstSeen();
  const out: OrgCandidate[] = [];
  for (const sheetRow of rows) {
    const r = rowReader('orgs', sheetRow, errors);
    const code = r.text('code', { required: true });
    if (code && !CODE.test(code)) r.fail('code', `"${code}" chỉ được gồm chữ không dấu, chữ số và dấu gạch dưới (tối đa 40 ký tự).`);
    const name = r.text('name', { required: true, min: 2, max: 300 });
    const kind = r.text('kind', { required: true }) ? r.choice('kind', KINDS, Object.values(ORG_KIND_LABELS).join(', ')) : null;
    const parentCode = r.text('parentCode', { required: true });
    const hasCommittee = r.choice('hasCommittee', YES_NO, '"Có" hoặc "Không"');
    const hasInspectionCommittee = r.choice('hasInspectionCommittee', YES_NO, '"Có" hoặc "Không"');
    const validFrom = r.date('validFrom');
    if (code) {
      const dup = seen.check(code, r.row);
      if (dup !== null) r.fail('code', `trùng mã tổ chức với dòng ${dup}.`);
    }
    if (code && parentCode && code === parentCode) r.fail('parentCode', 'tổ chức không thể là cấp trên của chính nó.');
    if (r.failed || !kind) {
      if (code) broken.set(code, r.row);
      continue;
    }
    out.push({
      row: r.row,
      code,
      name: name.normalize('NFC'),
      kind,
      parentCode,
      hasCommittee: hasCommittee ?? null,
      hasInspectionCommittee: hasInspectionCommittee ?? null,
      validFrom: validFrom ?? null,
    });
  }
  return out;
}

export interface OrgPlan {
  inserts: OrgWrite[];
  updates: OrgWrite[];
  unchanged: number;
}

/** Resolves parents (file or tree), checks placement and plans the writes, parents before children. */
export function planOrgs(
  cands: OrgCandidate[],
  stored: Map<string, OrgRef>,
  takenCodes: Set<string>,
  broken: Map<string, number>,
  errors: RowError[],
  header: (key: string) => string,
): OrgPlan {
  const inFile = new Map(cands.map((c) => [c.code, c]));
  const plan: OrgPlan = { inserts: [], updates: [], unchanged: 0 };
  const placed = new Map<string, OrgWrite>();
  const failed = new Set<string>();

  // Depth first from each row to its parent, so that a new unit's path is known before its children's.
  const place = (c: OrgCandidate, trail: Set<string>): OrgWrite | null => {
    const done = placed.get(c.code);
    if (done || failed.has(c.code)) return done ?? null;
    const fail = (key: string, message: string) => {
      errors.push(rowError(c.row, header(key), message));
      failed.add(c.code);
      return null;
    };
    const existing = stored.get(c.code);
    if (!existing && takenCodes.has(c.code)) return fail('code', `mã "${c.code}" đã được dùng cho một tổ chức ngoài phạm vi của bạn.`);
    let parent: { id: string; kind: string; path: string; province_code: string | null } | null = stored.get(c.parentCode) ?? null;
    const parentRow = inFile.get(c.parentCode);
    if (!parent && parentRow) {
      if (trail.has(parentRow.code)) return fail('parentCode', `vòng lặp cấp trên giữa các dòng trong tệp (mã "${c.parentCode}").`);
      parent = place(parentRow, new Set([...trail, c.code]));
      if (!parent) return fail('parentCode', `tổ chức cấp trên "${c.parentCode}" (dòng ${parentRow.row}) có lỗi.`);
    }
    const brokenRow = broken.get(c.parentCode);
    if (!parent && brokenRow) return fail('parentCode', `tổ chức cấp trên "${c.parentCode}" (dòng ${brokenRow}) có lỗi.`);
    if (!parent) return fail('parentCode', `mã "${c.parentCode}" không tồn tại hoặc ngoài phạm vi của bạn.`);
    const placement = placementProblem(parent.kind as OrgKind, c.kind);
    if (placement) {
      const label = ORG_KIND_LABELS[parent.kind as OrgKind];
      return fail('kind', `${ORG_KIND_LABELS[c.kind]} không thể trực thuộc ${label} "${c.parentCode}".`);
    }
    if (existing && existing.parent_id !== parent.id) {
      return fail('parentCode', `tổ chức "${c.code}" đã có với cấp trên khác; không đổi được cấp trên qua nhập tệp.`);
    }
    const hasCommittee = c.hasCommittee ?? existing?.has_committee ?? false;
    const hasIc = c.hasInspectionCommittee ?? existing?.has_inspection_committee ?? false;
    const ic = inspectionCommitteeProblem(c.kind, hasIc, hasCommittee);
    if (ic) return fail('hasInspectionCommittee', ic);
    const row: OrgWrite = {
      id: existing?.id ?? randomUUID(),
      parent_id: parent.id,
      code: c.code,
      name: c.name,
      kind: c.kind,
      path: existing?.path ?? `${parent.path}.${c.code}`,
      province_code: existing?.province_code ?? parent.province_code,
      has_committee: hasCommittee,
      has_inspection_committee: hasIc,
      valid_from: c.validFrom ?? existing?.valid_from ?? null,
    };
    placed.set(c.code, row);
    if (!existing) plan.inserts.push(row);
    else if (
      existing.name === row.name &&
      existing.kind === row.kind &&
      existing.has_committee === row.has_committee &&
      existing.has_inspection_committee === row.has_inspection_committee &&
      existing.valid_from === row.valid_from
    ) {
      plan.unchanged += 1;
    } else plan.updates.push(row);
    return row;
  };
  for (const c of cands) place(c, new Set([c.code]));
  return plan;
}
