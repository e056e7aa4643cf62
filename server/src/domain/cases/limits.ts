// Overall time limits of a case and the turn from supervision to inspection (domain.md §2, §3). Pure: no I/O.
import { CASE_KIND_LABELS, type CaseKind } from '../../../../common/cases.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import { type DecidingBody, mayRun, type Subject } from './authority.ts';

export type LimitLevel = 'central' | 'lower';
export interface LevelLimit {
  /** Calendar days from the decision. */
  days: number;
  /** Most calendar days one extension may add. */
  extensionDays: number;
  maxExtensions: number;
}
export type LimitsConfig = Record<LimitLevel, LevelLimit>;

/**
 * Quy định 296-QĐ/TW: a central case runs at most 180 days from the decision, with one extension of
 * at most 60 days. Lower levels: shorter, 90 + 30 by default (configurable, domain.md §3).
 */
export const LIMITS_DEFAULTS: LimitsConfig = {
  central: { days: 180, extensionDays: 60, maxExtensions: 1 },
  lower: { days: 90, extensionDays: 30, maxExtensions: 1 },
};

/** The level whose limits apply: that of the deciding body's organisation (nlevel 1 is Trung ương). */
export function limitLevelOf(org: { kind: OrgKind } | { level: number }): LimitLevel {
  const central = 'kind' in org ? org.kind === 'central' : org.level === 1;
  return central ? 'central' : 'lower';
}

/** Why an extension cannot be granted, or null. `alreadyExtended`: a flag or the number granted so far. */
export function extensionProblem(
  level: LimitLevel,
  requestedDays: number,
  alreadyExtended: boolean | number,
  config: LimitsConfig = LIMITS_DEFAULTS,
): string | null {
  const limit = config[level];
  const granted = typeof alreadyExtended === 'number' ? alreadyExtended : alreadyExtended ? 1 : 0;
  const where = level === 'central' ? 'cấp Trung ương' : 'cấp dưới';
  if (granted >= limit.maxExtensions)
    return `Thời hạn đã được gia hạn ${limit.maxExtensions === 1 ? 'một lần' : `${limit.maxExtensions} lần`}; không được gia hạn thêm (Quy định 296-QĐ/TW).`;
  if (!Number.isInteger(requestedDays) || requestedDays < 1) return 'Số ngày gia hạn phải là số nguyên dương.';
  if (requestedDays > limit.extensionDays)
    return `Gia hạn ${where} không quá ${limit.extensionDays} ngày (Quy định 296-QĐ/TW); đề nghị ${requestedDays} ngày.`;
  return null;
}

/** The last day of the case: decision date + limit + extension, calendar days (ISO dates). */
export function caseDeadline(decisionIso: string, level: LimitLevel, extensionDays = 0, config: LimitsConfig = LIMITS_DEFAULTS): string {
  const d = new Date(`${decisionIso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + config[level].days + extensionDays);
  return d.toISOString().slice(0, 10);
}

export interface Escalation {
  kind: 'inspection.signs';
  /** The body that should decide the inspection: the same organisation's UBKT, or the chi bộ itself. */
  body: DecidingBody;
  subject: Subject;
  reason: string;
}
export type EscalationResult = { escalate: false } | ({ escalate: true } & Escalation) | { escalate: true; problem: string };

/**
 * Supervision that finds signs of violation turns into an inspection on signs (domain.md §2; Quy định
 * 296-QĐ/TW: qua giám sát phát hiện dấu hiệu vi phạm thì chuyển sang kiểm tra). A committee or standing
 * committee hands it to its own UBKT; a chi bộ inspects its own member itself.
 */
export function escalation(kind: CaseKind, body: DecidingBody, subject: Subject, signsFound: boolean): EscalationResult {
  if (!signsFound || !kind.startsWith('supervision.')) return { escalate: false };
  const target: DecidingBody = body.type === 'cell' ? body : { type: 'ubkt', org: body.org };
  const check = mayRun('inspection.signs', target, subject);
  const from = CASE_KIND_LABELS[kind].toLowerCase();
  if (!check.allowed)
    return {
      escalate: true,
      problem: `Qua ${from} phát hiện dấu hiệu vi phạm nhưng không chuyển được sang kiểm tra tại cấp này: ${check.reason} Báo cáo cấp trên xem xét.`,
    };
  return {
    escalate: true,
    kind: 'inspection.signs',
    body: target,
    subject,
    reason: `Qua ${from} phát hiện dấu hiệu vi phạm: chuyển sang kiểm tra khi có dấu hiệu vi phạm (Quy định 296-QĐ/TW).`,
  };
}
