// Inspection and supervision (domain.md §2, §3, §7): programmes and their items, cases run step by
// step, their teams, files, generated documents, remediation of conclusions, in-app reminders, and
// committee members' regular supervision. Every table carries `scope_path` (the path of the body that
// owns the record) and is scoped by row-level security like the registry.
import { type Kysely, sql } from 'kysely';

const KINDS = `'inspection.signs','inspection.ktgs_duty','inspection.finance','inspection.compliance','supervision.regular','supervision.thematic'`;
const BODIES = `'ubkt','committee','standing_committee','cell'`;
const STEPS = `'monitoring','decision','handover','explanation','self_report','verification','subject_meeting','results_report','conclusion','notice','remediation','closed'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
-- ktgs_path_text('a.b') = 'a.b.' so that the subtree of a.b is [ 'a.b.', 'a.b/' ). On small tables only:
-- under RLS a function that is not leakproof cannot drive an index, so the large tables carry stored
-- COLLATE "C" keys instead (migration 0006).
CREATE OR REPLACE FUNCTION ktgs_path_text(p ltree) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT p::text || '.' $$;

CREATE TABLE programme (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES org_unit(id),
  body_type text NOT NULL CHECK (body_type IN (${BODIES})),
  scope_path ltree NOT NULL,
  province_code text,
  period text NOT NULL CHECK (period IN ('year','term')),
  year_from int NOT NULL CHECK (year_from BETWEEN 2000 AND 2199),
  year_to int NOT NULL CHECK (year_to BETWEEN 2000 AND 2199),
  title text NOT NULL,
  -- draft → approved; an amendment reopens it as 'amending' until approved again (a new revision)
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','amending')),
  revision int NOT NULL DEFAULT 0,
  decision_no text,
  approved_at timestamptz,
  approved_by uuid REFERENCES app_user(id),
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (year_to >= year_from),
  CHECK (period = 'term' OR year_to = year_from)
);
CREATE INDEX programme_scope_gist ON programme USING gist (scope_path);
CREATE INDEX programme_org_idx ON programme (org_id, year_from);

-- Each approval keeps the programme and its items as they were approved (amendments are versions).
CREATE TABLE programme_revision (
  programme_id uuid NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  revision int NOT NULL,
  scope_path ltree NOT NULL,
  snapshot jsonb NOT NULL,
  reason text,
  decision_no text,
  approved_by uuid REFERENCES app_user(id),
  approved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (programme_id, revision)
);

CREATE TABLE programme_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES programme(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  province_code text,
  year int NOT NULL,
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN (${KINDS})),
  subject_org_id uuid REFERENCES org_unit(id),
  subject_member_id uuid REFERENCES member(id),
  -- the subject organisation's path, or the path of the member's organisation when planned
  subject_path ltree NOT NULL,
  subject_name text NOT NULL,
  topic text NOT NULL,
  period_from date,
  period_to date,
  responsible_org_id uuid REFERENCES org_unit(id),
  lead_name text,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','cancelled')),
  cancelled_reason text,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (num_nonnulls(subject_org_id, subject_member_id) = 1),
  CHECK (period_to IS NULL OR period_from IS NULL OR period_to >= period_from),
  UNIQUE (programme_id, seq)
);
CREATE INDEX programme_item_programme_idx ON programme_item (programme_id, seq);
CREATE INDEX programme_item_member_idx ON programme_item (subject_member_id) WHERE subject_member_id IS NOT NULL;

CREATE TABLE inspection_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_org_id uuid NOT NULL REFERENCES org_unit(id),
  body_type text NOT NULL CHECK (body_type IN (${BODIES})),
  scope_path ltree NOT NULL,
  province_code text,
  year int NOT NULL,
  seq int NOT NULL,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN (${KINDS})),
  programme_item_id uuid UNIQUE REFERENCES programme_item(id),
  subject_org_id uuid REFERENCES org_unit(id),
  subject_member_id uuid REFERENCES member(id),
  subject_path ltree NOT NULL,
  subject_name text NOT NULL,
  topic text NOT NULL,
  -- the signs of violation that ground an inspection on signs
  grounds text,
  step text NOT NULL CHECK (step IN (${STEPS})),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','suspended','cancelled','closed')),
  status_reason text,
  decided_on date,
  decision_no text,
  limit_days int,
  due_on date,
  extension_days int,
  extension_reason text,
  extended_at timestamptz,
  extended_by uuid REFERENCES app_user(id),
  findings text,
  violation_found boolean,
  concluded_on date,
  notified_on date,
  propose_discipline boolean NOT NULL DEFAULT false,
  discipline_note text,
  closed_on date,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (num_nonnulls(subject_org_id, subject_member_id) = 1),
  CHECK (extension_days IS NULL OR extension_reason IS NOT NULL),
  UNIQUE (body_org_id, year, seq)
);
CREATE INDEX inspection_case_scope_gist ON inspection_case USING gist (scope_path);
CREATE INDEX inspection_case_body_idx ON inspection_case (body_org_id, year, seq);
CREATE INDEX inspection_case_member_idx ON inspection_case (subject_member_id) WHERE subject_member_id IS NOT NULL;

-- The steps a case went through: one row per step entered (going back to verification adds a row).
CREATE TABLE case_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES inspection_case(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  step text NOT NULL CHECK (step IN (${STEPS})),
  started_on date NOT NULL,
  due_on date,
  completed_on date,
  note text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_step_case_idx ON case_step (case_id, created_at);
CREATE INDEX case_step_open_due_idx ON case_step (due_on) WHERE completed_on IS NULL;

CREATE TABLE case_team_member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES inspection_case(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  member_id uuid REFERENCES member(id),
  user_id uuid REFERENCES app_user(id),
  full_name text NOT NULL,
  position text,
  role text NOT NULL CHECK (role IN ('leader','deputy','member','secretary')),
  added_on date NOT NULL DEFAULT current_date,
  removed_on date,
  removed_reason text
);
CREATE INDEX case_team_case_idx ON case_team_member (case_id);

-- Uploaded and generated files, kept in the database so that a backup carries them and a write is
-- all-or-nothing. Served only as downloads (Content-Disposition: attachment), never rendered inline.
CREATE TABLE stored_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope_path ltree NOT NULL,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  file_name text NOT NULL,
  mime text NOT NULL,
  size int NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stored_file_scope_gist ON stored_file USING gist (scope_path);

-- Minutes, reports and other files attached to a step of a case.
CREATE TABLE case_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES inspection_case(id) ON DELETE CASCADE,
  step_id uuid REFERENCES case_step(id),
  scope_path ltree NOT NULL,
  kind text NOT NULL CHECK (kind IN ('minutes','report','document','evidence','other')),
  title text NOT NULL,
  file_id uuid NOT NULL REFERENCES stored_file(id),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_attachment_case_idx ON case_attachment (case_id, created_at);

-- Document numbers run per issuing body, year and document symbol (QĐ, KH, TB, BC, BB…).
CREATE TABLE doc_counter (
  issuer_org_id uuid NOT NULL REFERENCES org_unit(id),
  year int NOT NULL,
  symbol text NOT NULL,
  scope_path ltree NOT NULL,
  last_no int NOT NULL DEFAULT 0,
  PRIMARY KEY (issuer_org_id, year, symbol)
);

-- Generated documents of a case; regenerating keeps the number and adds a revision.
CREATE TABLE case_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES inspection_case(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  doc_type text NOT NULL,
  step text CHECK (step IN (${STEPS})),
  issuer_org_id uuid NOT NULL REFERENCES org_unit(id),
  year int NOT NULL,
  number int,
  number_text text,
  title text NOT NULL,
  revision int NOT NULL,
  file_id uuid NOT NULL REFERENCES stored_file(id),
  signed_file_id uuid REFERENCES stored_file(id),
  signed_at timestamptz,
  generated_by uuid REFERENCES app_user(id),
  generated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, doc_type, revision)
);
CREATE INDEX case_document_case_idx ON case_document (case_id, doc_type, revision);

-- What a conclusion requires, who must do it, by when; closed only with evidence.
CREATE TABLE remediation_item (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES inspection_case(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  province_code text,
  seq int NOT NULL,
  requirement text NOT NULL,
  owner_org_id uuid REFERENCES org_unit(id),
  owner_member_id uuid REFERENCES member(id),
  owner_user_id uuid REFERENCES app_user(id),
  owner_name text NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','cancelled')),
  done_on date,
  result_note text,
  cancelled_reason text,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  UNIQUE (case_id, seq)
);
CREATE INDEX remediation_owner_idx ON remediation_item (owner_user_id) WHERE status = 'open';

CREATE TABLE remediation_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES remediation_item(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  file_id uuid NOT NULL REFERENCES stored_file(id),
  note text,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX remediation_evidence_item_idx ON remediation_evidence (item_id);

-- Reminders in the app; the dedupe key makes a daily reminder job idempotent.
CREATE TABLE notification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id),
  scope_path ltree NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (user_id, dedupe_key)
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);

-- Committee members' regular supervision: the area and fields each is assigned (Quy định 296-QĐ/TW).
CREATE TABLE supervision_area (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_org_id uuid NOT NULL REFERENCES org_unit(id),
  scope_path ltree NOT NULL,
  user_id uuid REFERENCES app_user(id),
  member_id uuid REFERENCES member(id),
  holder_name text NOT NULL,
  area text NOT NULL,
  fields text[] NOT NULL DEFAULT '{}',
  subject_org_ids uuid[] NOT NULL DEFAULT '{}',
  from_date date NOT NULL,
  to_date date,
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX supervision_area_body_idx ON supervision_area (body_org_id);

CREATE TABLE supervision_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_id uuid NOT NULL REFERENCES supervision_area(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  year int NOT NULL,
  period text NOT NULL CHECK (period IN ('half','year')),
  content text NOT NULL,
  findings text,
  proposals text,
  signs_of_violation boolean NOT NULL DEFAULT false,
  submitted_by uuid REFERENCES app_user(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  UNIQUE (area_id, year, period)
);

DO $$
DECLARE t text;
BEGIN
  -- Records with a secrecy mark are hidden above the reader's clearance by the database as well.
  FOREACH t IN ARRAY ARRAY['programme','programme_item','inspection_case','stored_file','remediation_item'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (ktgs_is_system() OR (scope_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))
                    WITH CHECK (ktgs_is_system() OR (scope_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))', t || '_scope', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['programme_revision','case_step','case_team_member','case_attachment','doc_counter','case_document',
                           'remediation_evidence','notification','supervision_area','supervision_report'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (ktgs_is_system() OR scope_path <@ ktgs_scopes())
                    WITH CHECK (ktgs_is_system() OR scope_path <@ ktgs_scopes())', t || '_scope', t);
  END LOOP;
END $$;
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
