// Deadlines of petitions in working days (domain.md §5, §10; issue #6, point 5): the resolution time limit per
// kind and level, its one extension, the reminder before and the escalation after, the pre-congress rule, and
// the state of a petition's clock on a given day. Pure; every date goes through the recorded work calendar.
import { formatVnDate } from '../../../../common/dates.ts';
import type { OrgKind } from '../../../../common/orgs.ts';
import { PETITION_CLOCK_STOPPED, type PetitionClockState, type PetitionKind, type PetitionStatus } from '../../../../common/petitions.ts';
import { addWorkingDays, type WorkCalendar, workingDayOnOrAfter, workingDaysBetween } from '../calendar/workdays.ts';
import { COMPLAINT_DEFAULTS } from '../discipline/complaints.ts';

export type DeadlineRule = {
  resolveWorkingDays: number;
  /** One extension of at most this many working days. */
  maxExtensionWorkingDays: number;
  /** False for a default not confirmed from the text of a regulation (domain.md: configurable). */
  confirmed: boolean;
  basis: string;
};

export type PetitionDeadlineConfig = {
  rules: Record<PetitionKind, Record<OrgKind, DeadlineRule>>;
  /** The handler is reminded this many working days before the deadline. */
  warnBeforeWorkingDays: number;
  /** An overdue petition is reported to the level above this many working days after the deadline. */
  escalateAfterWorkingDays: number;
  /** Letters received within this many working days before the congress opens go to the new committee. */
  preCongressWorkingDays: { grassroots: number; aboveGrassroots: number };
};

const GRASSROOTS_LEVELS: readonly OrgKind[] = ['cell', 'grassroots'];
const ALL_LEVELS: readonly OrgKind[] = ['cell', 'grassroots', 'commune', 'agency', 'province', 'central'];

function perLevel(f: (level: OrgKind) => DeadlineRule): Record<OrgKind, DeadlineRule> {
  return Object.fromEntries(ALL_LEVELS.map((l) => [l, f(l)])) as Record<OrgKind, DeadlineRule>;
}

const DENUNCIATION_GRASSROOTS: DeadlineRule = {
  resolveWorkingDays: 90,
  maxExtensionWorkingDays: 30,
  confirmed: true,
  basis:
    'Chi bộ, ủy ban kiểm tra đảng ủy cơ sở giải quyết tố cáo chậm nhất 90 ngày làm việc kể từ ngày nhận đơn, gia hạn một lần không quá 30 ngày làm việc (Quy định 296-QĐ/TW; hướng dẫn của UBKT Trung ương).',
};
const UNCONFIRMED = 'Mặc định có thể cấu hình, chưa đối chiếu được với văn bản quy định';

/**
 * Defaults. Only the grassroots denunciation limit is confirmed; the rest are configurable defaults:
 * denunciations above grassroots 90 + 30 (as grassroots) and at the centre 180 + 30 (Quyết định 164-QĐ/TW of
 * 2024 gives 180 days for central cases, counted from the team's decision, not from receipt); discipline
 * complaints 90 + 30 (the discipline module's default); recommendations and feedback 30 + 15.
 */
export const PETITION_DEADLINE_DEFAULTS: PetitionDeadlineConfig = {
  rules: {
    denunciation: perLevel((l) => {
      if (GRASSROOTS_LEVELS.includes(l)) return DENUNCIATION_GRASSROOTS;
      const central = l === 'central';
      return {
        resolveWorkingDays: central ? 180 : 90,
        maxExtensionWorkingDays: 30,
        confirmed: false,
        basis: `${UNCONFIRMED} (giải quyết tố cáo ở cấp trên cơ sở${central ? '; tham khảo Quyết định 164-QĐ/TW năm 2024' : ''}).`,
      };
    }),
    discipline_complaint: perLevel(() => ({
      resolveWorkingDays: COMPLAINT_DEFAULTS.resolutionWorkingDays,
      maxExtensionWorkingDays: 30,
      confirmed: false,
      basis: `${UNCONFIRMED} (giải quyết khiếu nại kỷ luật đảng, Điều lệ Đảng, Điều 39).`,
    })),
    recommendation: perLevel(() => ({
      resolveWorkingDays: 30,
      maxExtensionWorkingDays: 15,
      confirmed: false,
      basis: `${UNCONFIRMED} (trả lời kiến nghị).`,
    })),
    feedback: perLevel(() => ({
      resolveWorkingDays: 30,
      maxExtensionWorkingDays: 15,
      confirmed: false,
      basis: `${UNCONFIRMED} (xử lý phản ánh).`,
    })),
  },
  warnBeforeWorkingDays: 5,
  escalateAfterWorkingDays: 5,
  // Hướng dẫn 07-HD/UBKTTW ngày 12/12/2019 (công tác kiểm tra, giám sát phục vụ đại hội đảng bộ các cấp).
  preCongressWorkingDays: { grassroots: 25, aboveGrassroots: 30 },
};

export type DeadlineInput = {
  kind: PetitionKind;
  /** Level (kind of organisation) of the competent body. */
  level: OrgKind;
  /** The day the COMPETENT body received the letter (UBKT Trung ương's answer: the clock starts there). */
  receivedOn: string;
  /** The one extension granted, in working days (0 or omitted: none). */
  extensionWorkingDays?: number;
};

export type PetitionDeadline = {
  /** The receipt moved to a working day (a letter arriving on a day off is taken as received the next one). */
  startOn: string;
  /** The deadline without extension. */
  baseDueOn: string;
  /** The deadline in force (with the extension granted, if any). */
  dueOn: string;
  /** The latest the deadline could be with the longest extension allowed. */
  latestDueOn: string;
  remindOn: string;
  escalateOn: string;
  rule: DeadlineRule;
};

/** Why an extension cannot be granted, or null. Only one extension, of at most the rule's maximum. */
export function extensionProblem(
  kind: PetitionKind,
  level: OrgKind,
  days: number,
  alreadyExtended: boolean,
  config: PetitionDeadlineConfig = PETITION_DEADLINE_DEFAULTS,
): string | null {
  const max = config.rules[kind][level].maxExtensionWorkingDays;
  if (alreadyExtended) return 'Đơn đã được gia hạn một lần; chỉ được gia hạn một lần.';
  if (!Number.isInteger(days) || days < 1) return 'Số ngày gia hạn phải là số nguyên dương.';
  if (days > max) return `Chỉ được gia hạn không quá ${max} ngày làm việc.`;
  return null;
}

export function petitionDeadline(
  input: DeadlineInput,
  cal: WorkCalendar,
  config: PetitionDeadlineConfig = PETITION_DEADLINE_DEFAULTS,
): PetitionDeadline {
  const rule = config.rules[input.kind][input.level];
  const ext = input.extensionWorkingDays ?? 0;
  if (ext !== 0) {
    const problem = extensionProblem(input.kind, input.level, ext, false, config);
    if (problem) throw new RangeError(problem);
  }
  const startOn = workingDayOnOrAfter(input.receivedOn, cal);
  const total = rule.resolveWorkingDays + ext;
  const dueOn = addWorkingDays(startOn, total, cal);
  return {
    startOn,
    baseDueOn: addWorkingDays(startOn, rule.resolveWorkingDays, cal),
    dueOn,
    latestDueOn: addWorkingDays(startOn, rule.resolveWorkingDays + rule.maxExtensionWorkingDays, cal),
    // `warn` working days before dueOn: the (total − warn)-th working day after the start.
    remindOn: addWorkingDays(startOn, Math.max(0, total - config.warnBeforeWorkingDays), cal),
    escalateOn: addWorkingDays(dueOn, config.escalateAfterWorkingDays, cal),
    rule,
  };
}

export type PreCongress = {
  passToNewCommittee: boolean;
  /** Working days from receipt to the opening; null when received on or after the opening. */
  workingDaysBeforeCongress: number | null;
  windowWorkingDays: number;
  reason: string;
};

/**
 * Hướng dẫn 07-HD/UBKTTW (12/12/2019): a denunciation related to the congress received within 25 working days
 * (grassroots) or 30 (above) before the congress opens is not resolved now; it is reported to the standing
 * committee and the superior UBKT and passed to the new committee. Counted from receipt to the opening day.
 */
export function preCongressCheck(
  input: { receivedOn: string; congressOpensOn: string; level: OrgKind; relatedToCongress: boolean },
  cal: WorkCalendar,
  config: PetitionDeadlineConfig = PETITION_DEADLINE_DEFAULTS,
): PreCongress {
  const grassroots = GRASSROOTS_LEVELS.includes(input.level);
  const window = grassroots ? config.preCongressWorkingDays.grassroots : config.preCongressWorkingDays.aboveGrassroots;
  const where = grassroots ? 'cấp cơ sở' : 'cấp trên cơ sở';
  const opens = formatVnDate(input.congressOpensOn);
  if (input.receivedOn >= input.congressOpensOn)
    return {
      passToNewCommittee: false,
      workingDaysBeforeCongress: null,
      windowWorkingDays: window,
      reason: `Đơn nhận từ ngày khai mạc đại hội (${opens}) trở đi: không thuộc trường hợp nhận trước đại hội.`,
    };
  const before = workingDaysBetween(input.receivedOn, input.congressOpensOn, cal);
  const within = before <= window;
  const rule = `${window} ngày làm việc trước khai mạc đại hội ở ${where} (Hướng dẫn 07-HD/UBKTTW)`;
  if (within && !input.relatedToCongress)
    return {
      passToNewCommittee: false,
      workingDaysBeforeCongress: before,
      windowWorkingDays: window,
      reason: `Đơn nhận trong vòng ${rule} nhưng không liên quan đến đại hội: giải quyết theo thời hạn thông thường.`,
    };
  return {
    passToNewCommittee: within,
    workingDaysBeforeCongress: before,
    windowWorkingDays: window,
    reason: within
      ? `Đơn nhận ${before} ngày làm việc trước ngày khai mạc đại hội ${opens}, trong vòng ${rule}: chưa giải quyết, tổng hợp báo cáo ban thường vụ cấp ủy và ủy ban kiểm tra cấp trên, chuyển hồ sơ cho cấp ủy, ủy ban kiểm tra khóa mới.`
      : `Đơn nhận ${before} ngày làm việc trước ngày khai mạc đại hội ${opens}, ngoài khoảng ${rule}: giải quyết theo thời hạn thông thường.`,
  };
}

export type ClockStatus = {
  state: PetitionClockState;
  /** Working days left to the deadline; negative when overdue; null when the clock does not run. */
  workingDaysLeft: number | null;
};

/** The state of a petition's clock on `today`, for the inbox colours and the reminder/escalation jobs. */
export function clockStatus(
  input: { status: PetitionStatus; deadline: PetitionDeadline; today: string; passedToNewCommittee?: boolean },
  cal: WorkCalendar,
): ClockStatus {
  if (PETITION_CLOCK_STOPPED.includes(input.status)) return { state: 'stopped', workingDaysLeft: null };
  // The new committee's clock starts when it receives the file: a new deadline is computed then.
  if (input.passedToNewCommittee) return { state: 'passed_to_new_committee', workingDaysLeft: null };
  const { deadline: d, today } = input;
  const left = workingDaysBetween(today, d.dueOn, cal);
  if (today > d.dueOn) return { state: today >= d.escalateOn ? 'escalated' : 'overdue', workingDaysLeft: left };
  return { state: today >= d.remindOn ? 'due_soon' : 'on_track', workingDaysLeft: left };
}
