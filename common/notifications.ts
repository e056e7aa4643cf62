// In-app notifications: reminders before a deadline, on the day, overdue notices and escalations
// (domain.md §3: "overdue steps are warned before they fall due and escalated when they pass"; for
// petitions, issue #6 point 5: "reminders before and escalation after").
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'remediation.before',
  'remediation.due',
  'remediation.overdue',
  'remediation.escalation',
  'step.before',
  'step.due',
  'step.overdue',
  'step.escalation',
  'petition.before',
  'petition.due',
  'petition.overdue',
  'petition.escalation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'remediation.before': 'Sắp đến hạn khắc phục',
  'remediation.due': 'Đến hạn khắc phục',
  'remediation.overdue': 'Quá hạn khắc phục',
  'remediation.escalation': 'Báo cáo lãnh đạo: quá hạn khắc phục',
  'step.before': 'Bước công việc sắp đến hạn',
  'step.due': 'Bước công việc đến hạn',
  'step.overdue': 'Bước công việc quá hạn',
  'step.escalation': 'Báo cáo lãnh đạo: bước công việc quá hạn',
  'petition.before': 'Đơn thư sắp đến hạn giải quyết',
  'petition.due': 'Đơn thư đến hạn giải quyết',
  'petition.overdue': 'Đơn thư quá hạn giải quyết',
  'petition.escalation': 'Báo cáo cấp trên: đơn thư quá hạn giải quyết',
};

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationQuerySchema = z.object({
  unreadOnly: z
    .enum(['true', 'false', '1', '0'], { error: 'Giá trị phải là true hoặc false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  page: z.coerce.number({ error: 'Trang không hợp lệ' }).int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number({ error: 'Cỡ trang không hợp lệ' }).int().min(1).max(100).default(20),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** What one run of the reminder job did. */
export const reminderRunSchema = z.object({
  today: z.string(),
  warnDays: z.number().int(),
  remediationChecked: z.number().int(),
  stepsChecked: z.number().int(),
  /** Open petitions whose reminder day has come (received … in progress, not passed to a new committee). */
  petitionsChecked: z.number().int(),
  /** Overdue petitions reported to the level above in this run (each once: petition.escalated_on). */
  petitionsEscalated: z.number().int(),
  created: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
});
export type ReminderRun = z.infer<typeof reminderRunSchema>;

export const NOTIFICATION_AUDIT_LABELS: Record<string, string> = {
  'notification.read': 'Đánh dấu đã đọc thông báo',
  'notification.read_all': 'Đánh dấu đã đọc mọi thông báo',
  'reminders.run': 'Chạy nhắc việc: gửi nhắc hạn và báo quá hạn',
};
