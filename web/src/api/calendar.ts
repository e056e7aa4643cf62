// The working calendar (docs/api.md, "Working calendar").
import type { CalendarRecord, CalendarYear } from '../../../common/calendar.ts';
import { api } from './client.ts';

export const calendarApi = {
  year: (year: number) => api.get<CalendarYear>(`/api/v1/calendar/${year}`),
  record: (year: number, body: CalendarRecord) => api.put<CalendarYear>(`/api/v1/calendar/${year}`, body),
};
