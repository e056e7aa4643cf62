import { z } from 'zod';

export const CALENDAR_DAY_KINDS = ['holiday', 'compensating', 'day_off', 'working_day'] as const;
export const CALENDAR_DAY_LABELS: Record<(typeof CALENDAR_DAY_KINDS)[number], string> = {
  holiday: 'Ngày lễ, Tết',
  compensating: 'Nghỉ bù',
  day_off: 'Ngày nghỉ theo thông báo',
  working_day: 'Ngày làm việc bù',
};

export const calendarYearSchema = z.object({
  year: z.number().int(),
  recorded: z.boolean(),
  replacesDefaults: z.boolean(),
  decisionNo: z.string().nullable(),
  version: z.number().int(),
  days: z.array(
    z.object({ date: z.string(), kind: z.enum(CALENDAR_DAY_KINDS), name: z.string(), source: z.enum(['default', 'recorded']) }),
  ),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarRecordSchema = z.object({
  replacesDefaults: z.boolean({ error: 'Cần cho biết lịch ghi nhận có thay toàn bộ ngày nghỉ mặc định không' }),
  decisionNo: z.string().trim().max(100).nullable().default(null),
  entries: z
    .array(
      z.object({
        date: z.iso.date({ error: 'Ngày không hợp lệ' }),
        kind: z.enum(['day_off', 'working_day'], { error: 'Loại ngày không hợp lệ' }),
        name: z.string().trim().min(2, 'Cần ghi tên ngày nghỉ hoặc lý do làm bù').max(200),
      }),
    )
    .max(60, 'Tối đa 60 ngày trong một năm'),
  /** The version of the year the administrator saw (0 when nothing was recorded yet). */
  version: z.number().int().min(0),
});
export type CalendarRecord = z.input<typeof calendarRecordSchema>;
