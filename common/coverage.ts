// Coverage against the yearly targets (domain.md §7), the planner's proposals and the inspection
// dashboard (issue #4 points 2 and 8): request and response shapes shared by the server and the web.
import { z } from 'zod';

const year = z.coerce
  .number({ error: 'Năm không hợp lệ' })
  .int('Năm không hợp lệ')
  .min(2000, 'Năm không hợp lệ')
  .max(2199, 'Năm không hợp lệ');

export const coverageQuerySchema = z.object({
  orgId: z.uuid({ error: 'Mã tổ chức không hợp lệ' }),
  year,
});
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const proposalsQuerySchema = coverageQuerySchema.extend({
  limit: z.coerce
    .number({ error: 'Số đề xuất không hợp lệ' })
    .int()
    .min(1, 'Số đề xuất không hợp lệ')
    .max(500, 'Tối đa 500 đề xuất')
    .default(50),
});
export type ProposalsQuery = z.input<typeof proposalsQuerySchema>;

export const TARGET_IDS = [
  'orgsCovered',
  'membersCovered',
  'leadersThematic',
  'cellMembersInspected',
  'cellKtgsDuty',
  'cellFinance',
  'planDone',
] as const;
export type TargetId = (typeof TARGET_IDS)[number];

export const indicatorSchema = z.object({
  targetId: z.enum(TARGET_IDS),
  label: z.string(),
  legalBasis: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  share: z.number().nullable(),
  target: z.number(),
  applicable: z.boolean(),
  met: z.boolean().nullable(),
  missing: z.number().int(),
  text: z.string(),
});
export type IndicatorView = z.infer<typeof indicatorSchema>;

export const cellShortfallSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  members: z.number().int(),
  covered: z.number().int(),
  needed: z.number().int(),
});

/** Lists are cut to the first LIST_CAP entries; `failingCellsTotal` and `notDoneTotal` give the full count. */
export const LIST_CAP = 50;

export const cellIndicatorSchema = indicatorSchema.extend({
  perCell: z.number(),
  failingCells: z.array(cellShortfallSchema),
  failingCellsTotal: z.number().int(),
});

export const planIndicatorSchema = indicatorSchema.extend({
  planned: z.number().int(),
  done: z.number().int(),
  unplannedDone: z.number().int(),
  notDone: z.array(z.object({ id: z.string(), subjectName: z.string(), kind: z.string(), topic: z.string() })),
  notDoneTotal: z.number().int(),
});

export const coverageSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  targetsVersion: z.number().int(),
  orgsCovered: indicatorSchema,
  membersCovered: indicatorSchema,
  leadersThematic: indicatorSchema,
  cellMembersInspected: cellIndicatorSchema,
  cellKtgsDuty: cellIndicatorSchema,
  cellFinance: cellIndicatorSchema,
  planDone: planIndicatorSchema,
});
export type CoverageView = z.infer<typeof coverageSchema>;

export const proposalSchema = z.object({
  targetId: z.enum(TARGET_IDS),
  subjectType: z.enum(['org', 'member']),
  subjectId: z.string(),
  name: z.string(),
  bodyOrgId: z.string().nullable(),
  kinds: z.array(z.string()),
  lastCovered: z.string().nullable(),
  sensitiveAreas: z.array(z.string()),
  reason: z.string(),
});
export type ProposalView = z.infer<typeof proposalSchema>;

export const proposalsSchema = z.object({
  orgId: z.string(),
  year: z.number().int(),
  gaps: z.array(
    z.object({
      targetId: z.enum(TARGET_IDS),
      label: z.string(),
      missing: z.number().int(),
      shortfall: z.number().int(),
      /** Proposals found before the limit cut the list. */
      total: z.number().int(),
      text: z.string(),
      proposals: z.array(proposalSchema),
    }),
  ),
  /** True when the subtree was too large to consider every member: candidates were the longest uncovered. */
  partial: z.boolean(),
});
export type ProposalsView = z.infer<typeof proposalsSchema>;

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });

export const dueStepSchema = z.object({
  caseId: z.string(),
  code: z.string(),
  subjectName: z.string(),
  step: z.string(),
  stepLabel: z.string(),
  dueOn: z.string(),
});
export const overdueCaseSchema = z.object({ caseId: z.string(), code: z.string(), subjectName: z.string(), dueOn: z.string() });
export const overdueRemediationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  requirement: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
});

/** The dashboard lists show the first DASHBOARD_TOP entries, soonest due first; the counts are complete. */
export const DASHBOARD_TOP = 10;
/** "Due soon" is within this many working days (domain.md §3: warned before they fall due). */
export const DUE_SOON_WORKING_DAYS = 3;

export const dashboardSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  today: z.string(),
  dueSoonUntil: z.string(),
  coverage: coverageSchema,
  cases: z.object({
    total: z.number().int(),
    byStep: z.array(countSchema),
    byKind: z.array(countSchema),
    byStatus: z.array(countSchema),
  }),
  stepsDue: z.object({ count: z.number().int(), items: z.array(dueStepSchema) }),
  stepsOverdue: z.object({ count: z.number().int(), items: z.array(dueStepSchema) }),
  casesOverdue: z.object({ count: z.number().int(), items: z.array(overdueCaseSchema) }),
  remediationOverdue: z.object({ count: z.number().int(), items: z.array(overdueRemediationSchema) }),
});
export type DashboardView = z.infer<typeof dashboardSchema>;

/** Reads only: coverage writes nothing, so it has no audit actions of its own. */
export const COVERAGE_AUDIT_LABELS: Record<string, string> = {};
