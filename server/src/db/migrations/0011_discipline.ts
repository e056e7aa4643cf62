// Discipline (domain.md §4) and complaints about discipline (§5): the matter against a member or an
// organisation with its violations and circumstances, the meeting with its ballots, the decision, its
// follow-up tasks, and complaints. Scoped like the inspection tables: `scope_path` is the path of the
// body handling the record; marked records are hidden above the reader's clearance.
import { type Kysely, sql } from 'kysely';

const BODIES = `'ubkt','committee','standing_committee','cell'`;
const MEMBER_FORMS = `'reprimand','warning','removal','expulsion'`;
const ORG_FORMS = `'dissolution'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE TABLE discipline_matter (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  body_org_id uuid NOT NULL REFERENCES org_unit(id),
  body_type text NOT NULL CHECK (body_type IN (${BODIES})),
  scope_path ltree NOT NULL,
  scope_key text COLLATE "C" GENERATED ALWAYS AS (scope_path::text || '.') STORED,
  province_code text,
  year int NOT NULL,
  seq int NOT NULL,
  code text NOT NULL,
  -- where it comes from: an inspection case's conclusion, a state body's notice, a court judgment…
  source text NOT NULL CHECK (source IN ('case','state_notice','court','petition','other')),
  case_id uuid REFERENCES inspection_case(id),
  source_ref text,
  subject_member_id uuid REFERENCES member(id),
  subject_org_id uuid REFERENCES org_unit(id),
  subject_path ltree NOT NULL,
  subject_key text COLLATE "C" GENERATED ALWAYS AS (subject_path::text || '.') STORED,
  subject_name text NOT NULL,
  -- the subject's standing when the matter opened: probationary, holds a post, committee member…
  subject_facts jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','postponed','decided','no_discipline','withdrawn')),
  status_reason text,
  postponed_until date,
  mitigating text[] NOT NULL DEFAULT '{}',
  aggravating text[] NOT NULL DEFAULT '{}',
  circumstances_note text,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (num_nonnulls(subject_member_id, subject_org_id) = 1),
  UNIQUE (body_org_id, year, seq)
);
CREATE INDEX discipline_matter_scope_key_idx ON discipline_matter (scope_key, year);
CREATE INDEX discipline_matter_member_idx ON discipline_matter (subject_member_id) WHERE subject_member_id IS NOT NULL;
CREATE INDEX discipline_matter_case_idx ON discipline_matter (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE discipline_violation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES discipline_matter(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  seq int NOT NULL,
  occurred_on date NOT NULL,
  description text NOT NULL,
  rule_violated text NOT NULL,
  -- violations without a limitation period (domain.md §4): internal political protection; defence,
  -- security or foreign affairs harming the national interest; unlawful diplomas (members)
  special_area text CHECK (special_area IN ('political_protection','defence','security','foreign_affairs','unlawful_diploma')),
  deserved_form text NOT NULL CHECK (deserved_form IN (${MEMBER_FORMS},${ORG_FORMS})),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (matter_id, seq)
);

-- The deciding body's meeting: attendance, the forms put to the vote and the secret ballots per form.
CREATE TABLE discipline_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL REFERENCES discipline_matter(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  held_on date NOT NULL,
  -- official members of the body (absent members count), and those present
  official_members int NOT NULL CHECK (official_members > 0),
  present int NOT NULL CHECK (present >= 0 AND present <= official_members),
  -- [{form, votes}] as counted: a ballot for one form
  ballots jsonb NOT NULL,
  outcome_form text CHECK (outcome_form IN (${MEMBER_FORMS},${ORG_FORMS})),
  outcome_explanation text NOT NULL,
  minutes_file_id uuid REFERENCES stored_file(id),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX discipline_meeting_matter_idx ON discipline_meeting (matter_id, created_at);

CREATE TABLE discipline_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id uuid NOT NULL UNIQUE REFERENCES discipline_matter(id) ON DELETE CASCADE,
  meeting_id uuid REFERENCES discipline_meeting(id),
  scope_path ltree NOT NULL,
  subject_member_id uuid REFERENCES member(id),
  subject_org_id uuid REFERENCES org_unit(id),
  form text NOT NULL CHECK (form IN (${MEMBER_FORMS},${ORG_FORMS})),
  decided_on date NOT NULL,
  announced_on date,
  effective_on date,
  -- one year after announcement a decision other than expulsion ends its effect (configurable)
  effect_ends_on date,
  number int,
  number_text text,
  revision int NOT NULL DEFAULT 0,
  file_id uuid REFERENCES stored_file(id),
  signed_file_id uuid REFERENCES stored_file(id),
  -- set when a complaint changes or annuls it; a changed decision's form is the one in force and
  -- original_form the one first decided
  original_form text CHECK (original_form IN (${MEMBER_FORMS},${ORG_FORMS})),
  status text NOT NULL DEFAULT 'in_force' CHECK (status IN ('in_force','changed','annulled')),
  changed_by_complaint_id uuid,
  apology_note text,
  restored_rights_note text,
  publish_internally boolean NOT NULL DEFAULT false,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX discipline_decision_member_idx ON discipline_decision (subject_member_id) WHERE subject_member_id IS NOT NULL;

-- What a decision sets in motion: matching administrative discipline within 5 days, notices.
CREATE TABLE discipline_task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES discipline_decision(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  kind text NOT NULL CHECK (kind IN ('administrative_discipline','notify_member_org','announce')),
  title text NOT NULL,
  due_on date NOT NULL,
  done_on date,
  note text,
  version int NOT NULL DEFAULT 1
);
CREATE INDEX discipline_task_decision_idx ON discipline_task (decision_id);

-- Complaints about a discipline decision (domain.md §5), filed with the competent resolver.
CREATE TABLE discipline_complaint (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES discipline_decision(id),
  scope_path ltree NOT NULL,
  resolver_org_id uuid NOT NULL REFERENCES org_unit(id),
  resolver_body_type text NOT NULL CHECK (resolver_body_type IN (${BODIES},'central_ubkt','secretariat')),
  complainant_member_id uuid REFERENCES member(id),
  complainant_org_id uuid REFERENCES org_unit(id),
  complainant_name text NOT NULL,
  filed_on date NOT NULL,
  decision_received_on date,
  content text NOT NULL,
  -- the facts the admissibility rules turned on (addressed to which body, several levels, court…)
  filing_facts jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received','refused','accepted','resolved')),
  refusal_grounds text[] NOT NULL DEFAULT '{}',
  refusal_note text,
  due_on date,
  is_final_level boolean NOT NULL DEFAULT false,
  outcome text CHECK (outcome IN ('kept','heavier','lighter','annulled')),
  outcome_form text CHECK (outcome_form IN (${MEMBER_FORMS},${ORG_FORMS})),
  outcome_note text,
  resolved_on date,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (num_nonnulls(complainant_member_id, complainant_org_id) <= 1)
);
CREATE INDEX discipline_complaint_decision_idx ON discipline_complaint (decision_id);

-- Whether a member is under discipline consideration, for the registry (which may not see the matter:
-- it is scoped to the deciding body). Reveals one boolean, nothing of the matter. Row-level security is
-- forced on the owner too, so the function runs as system work for this one query and then restores the
-- caller's setting. (A SET ktgs.system = 'on' clause would need a superuser on PostgreSQL 15+: the
-- migrating role is not one.) An error aborts the transaction or savepoint, which undoes the setting too.
CREATE OR REPLACE FUNCTION ktgs_member_under_discipline(p_member uuid) RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  prev text := current_setting('ktgs.system', true);
  under boolean;
BEGIN
  PERFORM set_config('ktgs.system', 'on', true);
  SELECT EXISTS (SELECT 1 FROM discipline_matter WHERE subject_member_id = p_member AND status IN ('open','postponed')) INTO under;
  PERFORM set_config('ktgs.system', coalesce(prev, 'off'), true);
  RETURN under;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['discipline_matter','discipline_decision','discipline_complaint'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (ktgs_is_system() OR (scope_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))
                    WITH CHECK (ktgs_is_system() OR (scope_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))', t || '_scope', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['discipline_violation','discipline_meeting','discipline_task'] LOOP
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
