// The yearly coverage targets of domain.md §7 as a versioned rule configuration. The figures are the
// resolutions' defaults; an administrator may change them (the change is audited and dated elsewhere),
// so every computation takes the configuration as an argument instead of reading these constants.
import { TARGET_IDS, type TargetId } from '../../../../common/coverage.ts';

/** Inspection kinds of domain.md §2. */
export const INSPECTION_KINDS = ['inspection.signs', 'inspection.ktgs_duty', 'inspection.finance', 'inspection.compliance'] as const;
/** Supervision kinds of domain.md §2. */
export const SUPERVISION_KINDS = ['supervision.regular', 'supervision.thematic'] as const;
/** Thematic work: thematic inspection (kiểm tra chuyên đề, `inspection.compliance`) and thematic supervision. */
export const THEMATIC_KINDS = ['inspection.compliance', 'supervision.thematic'] as const;

// The target ids are the catalogue the web reads too (common/coverage.ts): one list.
export { TARGET_IDS, type TargetId } from '../../../../common/coverage.ts';

export interface Target {
  id: TargetId;
  /** Vietnamese label shown next to the figure. */
  label: string;
  /**
   * Minimum share, in per cent (10 = 10 %): of organisations, members, leaders or planned items; for
   * `cellMembersInspected` the share of its own members each cell must reach; for `cellKtgsDuty` and
   * `cellFinance` the share of subordinate cells inspected at least once.
   */
  percent: number;
  /** Work kinds (domain.md §2 codes) that count towards the target. */
  kinds: readonly string[];
  /** Vietnamese legal basis, shown to users. */
  legalBasis: string;
  /** Where the rule is written down for developers. */
  source: string;
  /** True when domain.md marks the figure *(configurable)*, i.e. not confirmed from the full text. */
  unconfirmed: boolean;
}

export interface CoverageTargets {
  /** Version of the configuration; bumped on every change so reports can say which rules they used. */
  version: number;
  /** First day (ISO) this version applies. */
  effectiveFrom: string;
  targets: Readonly<Record<TargetId, Target>>;
}

const KTGS = [...INSPECTION_KINDS, ...SUPERVISION_KINDS];
const RESOLUTION = 'Mục tiêu của nghị quyết về công tác kiểm tra, giám sát hằng năm';
const QD296 = 'Quy định 296-QĐ/TW ngày 30/5/2025 về công tác kiểm tra, giám sát và kỷ luật của Đảng';

export const DEFAULT_TARGETS: CoverageTargets = {
  version: 1,
  effectiveFrom: '2025-05-30',
  targets: {
    orgsCovered: {
      id: 'orgsCovered',
      label: 'Tổ chức đảng được kiểm tra, giám sát',
      percent: 10,
      kinds: KTGS,
      legalBasis: `${RESOLUTION}: ít nhất 10 % tổ chức đảng được kiểm tra, giám sát mỗi năm; ${QD296}`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
    membersCovered: {
      id: 'membersCovered',
      label: 'Đảng viên được kiểm tra, giám sát',
      percent: 10,
      kinds: KTGS,
      legalBasis: `${RESOLUTION}: ít nhất 10 % đảng viên được kiểm tra, giám sát mỗi năm; ${QD296}`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
    leadersThematic: {
      id: 'leadersThematic',
      label: 'Bí thư, Phó Bí thư chi bộ được kiểm tra, giám sát chuyên đề',
      percent: 10,
      kinds: THEMATIC_KINDS,
      legalBasis: `${RESOLUTION}: ít nhất 10 % bí thư, phó bí thư chi bộ được kiểm tra, giám sát chuyên đề mỗi năm; ${QD296}`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
    cellMembersInspected: {
      id: 'cellMembersInspected',
      label: 'Chi bộ kiểm tra đảng viên của chi bộ',
      percent: 10,
      kinds: INSPECTION_KINDS,
      legalBasis: `${RESOLUTION}: mỗi chi bộ kiểm tra ít nhất 10 % đảng viên của chi bộ mỗi năm; Điều lệ Đảng, Điều 30`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
    cellKtgsDuty: {
      id: 'cellKtgsDuty',
      label: 'Chi bộ trực thuộc được kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát',
      percent: 100,
      kinds: ['inspection.ktgs_duty'],
      legalBasis: `${RESOLUTION}: ủy ban kiểm tra đảng ủy cơ sở kiểm tra việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật ở mỗi chi bộ trực thuộc ít nhất một lần mỗi năm; Điều lệ Đảng, Điều 32`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
    cellFinance: {
      id: 'cellFinance',
      label: 'Chi bộ trực thuộc được kiểm tra tài chính đảng',
      percent: 100,
      kinds: ['inspection.finance'],
      legalBasis: `${RESOLUTION}: ủy ban kiểm tra đảng ủy cơ sở kiểm tra tài chính đảng ở mỗi chi bộ trực thuộc ít nhất một lần mỗi năm; Điều lệ Đảng, Điều 32`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
    planDone: {
      id: 'planDone',
      label: 'Cuộc kiểm tra, giám sát theo kế hoạch đã thực hiện',
      percent: 100,
      kinds: KTGS,
      legalBasis: `${RESOLUTION}: thực hiện 100 % các cuộc kiểm tra, giám sát theo chương trình, kế hoạch; ${QD296}`,
      source: 'domain.md §7',
      unconfirmed: false,
    },
  },
};

export type TargetOverrides = Partial<Record<TargetId, Partial<Pick<Target, 'percent' | 'kinds'>>>>;

/**
 * A new version of the configuration with some figures changed. Refuses figures outside 0–100 so a
 * typo cannot make every target trivially met or impossible.
 */
export function configureTargets(
  base: CoverageTargets,
  overrides: TargetOverrides,
  effectiveFrom: string,
  version = base.version + 1,
): CoverageTargets {
  const targets = { ...base.targets };
  for (const id of TARGET_IDS) {
    const o = overrides[id];
    if (!o) continue;
    if (o.percent !== undefined && !(Number.isFinite(o.percent) && o.percent >= 0 && o.percent <= 100)) {
      throw new RangeError(`Chỉ tiêu "${base.targets[id].label}" phải từ 0 đến 100 %.`);
    }
    if (o.kinds !== undefined && o.kinds.length === 0)
      throw new RangeError(`Chỉ tiêu "${base.targets[id].label}" cần ít nhất một loại công việc.`);
    targets[id] = { ...base.targets[id], ...o };
  }
  return { version, effectiveFrom, targets };
}
