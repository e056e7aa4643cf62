// The official working calendar an administrator records from the Government's yearly notice (Tết
// break, compensating days, swapped working Saturdays). It is national and public: no row-level scope.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE TABLE work_calendar_year (
  year int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
  -- true: the recorded days off are the complete list of holidays of the year (the defaults are dropped)
  replaces_defaults boolean NOT NULL DEFAULT false,
  decision_no text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE TABLE work_calendar_entry (
  day date PRIMARY KEY,
  year int NOT NULL REFERENCES work_calendar_year(year) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('day_off','working_day')),
  name text NOT NULL,
  CHECK (extract(year FROM day) = year)
);
CREATE INDEX work_calendar_entry_year_idx ON work_calendar_entry (year);
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
