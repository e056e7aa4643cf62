// Committee members' regular supervision (issue #4 point 6), beyond what 0005 holds: the due date and the
// late mark a report gets at its first submission (kept through corrections, so a later change of the
// defaults or of the calendar does not rewrite history), who last corrected it, the compilation for
// the standing committee, after which the period's reports are closed to corrections, and each
// committee's own due dates (the regulation fixes the rhythm, not the day: platform defaults otherwise).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
ALTER TABLE supervision_report
  ADD COLUMN due_on date,
  ADD COLUMN late boolean NOT NULL DEFAULT false,
  ADD COLUMN updated_by uuid REFERENCES app_user(id),
  ADD COLUMN updated_at timestamptz;
CREATE INDEX supervision_report_period_idx ON supervision_report (year, period, area_id);

CREATE TABLE supervision_compilation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_org_id uuid NOT NULL REFERENCES org_unit(id),
  scope_path ltree NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2199),
  period text NOT NULL CHECK (period IN ('half','year')),
  reports_count int NOT NULL,
  missing_count int NOT NULL,
  compiled_by uuid REFERENCES app_user(id),
  compiled_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_org_id, year, period)
);
ALTER TABLE supervision_compilation ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_compilation FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_compilation_scope ON supervision_compilation
  USING (ktgs_is_system() OR scope_path <@ ktgs_scopes())
  WITH CHECK (ktgs_is_system() OR scope_path <@ ktgs_scopes());

CREATE TABLE supervision_setting (
  body_org_id uuid PRIMARY KEY REFERENCES org_unit(id),
  scope_path ltree NOT NULL,
  half_due_working_days int NOT NULL CHECK (half_due_working_days BETWEEN 0 AND 60),
  year_due_working_days int NOT NULL CHECK (year_due_working_days BETWEEN 0 AND 60),
  opens_months_before_end int NOT NULL CHECK (opens_months_before_end BETWEEN 1 AND 6),
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
ALTER TABLE supervision_setting ENABLE ROW LEVEL SECURITY;
ALTER TABLE supervision_setting FORCE ROW LEVEL SECURITY;
CREATE POLICY supervision_setting_scope ON supervision_setting
  USING (ktgs_is_system() OR scope_path <@ ktgs_scopes())
  WITH CHECK (ktgs_is_system() OR scope_path <@ ktgs_scopes());
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
