// The signed-in user's notifications: reminders and escalations from the reminder job.
import type { NotificationList } from '../../../common/notifications.ts';
import { api, qs } from './client.ts';

export const notificationsApi = {
  list: (opts: { unreadOnly?: boolean; page?: number; pageSize?: number } = {}) =>
    api.get<NotificationList>(
      `/api/v1/notifications${qs({ unreadOnly: opts.unreadOnly ? 'true' : undefined, page: opts.page, pageSize: opts.pageSize })}`,
    ),
  markRead: (id: string) => api.post<{ unread: number }>(`/api/v1/notifications/${id}/read`),
  markAllRead: () => api.post<{ unread: number; marked: number }>('/api/v1/notifications/read-all'),
};
