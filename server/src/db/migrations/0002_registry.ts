// Registry of organisations and members: lifecycle of units, members with encrypted identifiers,
// cell history, posts, relatives, import runs. Every member-owned table is scoped through its member.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
-- Units merge, split and close; the old unit keeps its row (valid_to set) and points to its successor.
ALTER TABLE org_unit ADD COLUMN successor_id uuid REFERENCES org_unit(id);
ALTER TABLE org_unit ADD COLUMN closed_reason text;

CREATE TABLE org_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('merge','split','close')),
  effective_date date NOT NULL,
  from_org_ids uuid[] NOT NULL,
  to_org_ids uuid[] NOT NULL,
  decision_no text,
  note text,
  scope_path ltree NOT NULL,
  members_moved int NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_event_scope_gist ON org_event USING gist (scope_path);

CREATE TABLE member (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code text,
  -- the cell (or grassroots organisation) the member belongs to now, and its path for scope
  org_id uuid NOT NULL REFERENCES org_unit(id),
  org_path ltree NOT NULL,
  full_name text NOT NULL,
  -- Vietnamese display order (given name, middle, family; Vietnamese alphabet and tones), byte-ordered
  sort_key text COLLATE "C" NOT NULL,
  name_folded text GENERATED ALWAYS AS (ktgs_fold(full_name)) STORED,
  gender text CHECK (gender IN ('male','female')),
  birth_date date,
  cccd_enc text,
  cccd_hash bytea UNIQUE,
  cccd_last4 text,
  party_card_no text UNIQUE,
  status text NOT NULL DEFAULT 'full' CHECK (status IN ('probationary','full','left','deceased')),
  admitted_on date,
  confirmed_on date,
  left_on date,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  merged_into uuid REFERENCES member(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (confirmed_on IS NULL OR admitted_on IS NULL OR confirmed_on >= admitted_on)
);
CREATE INDEX member_org_path_gist ON member USING gist (org_path);
CREATE INDEX member_org_sort_idx ON member (org_id, sort_key);
CREATE INDEX member_province_sort_idx ON member (province_code, sort_key);
CREATE INDEX member_name_trgm ON member USING gin (name_folded gin_trgm_ops);
CREATE INDEX member_birth_idx ON member (birth_date);
CREATE INDEX member_updated_idx ON member (updated_at);

-- Where the member belonged, and when: periods with an inclusive last day (to_date), never overlapping.
CREATE TABLE member_transfer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES org_unit(id),
  from_date date NOT NULL,
  to_date date,
  reason text,
  CHECK (to_date IS NULL OR to_date >= from_date),
  EXCLUDE USING gist (member_id WITH =, daterange(from_date, to_date, '[]') WITH &&)
);
CREATE INDEX member_transfer_member_idx ON member_transfer (member_id, from_date);

CREATE TABLE post (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  category text NOT NULL CHECK (category IN ('party','state','mass','other')),
  code text NOT NULL,
  title text NOT NULL,
  org_id uuid REFERENCES org_unit(id),
  workplace text,
  is_head boolean NOT NULL DEFAULT false,
  managed_by_org_id uuid REFERENCES org_unit(id),
  sensitive_areas text[] NOT NULL DEFAULT '{}',
  from_date date NOT NULL,
  to_date date,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX post_member_idx ON post (member_id, from_date);
CREATE INDEX post_code_idx ON post (code) WHERE to_date IS NULL;

CREATE TABLE relative (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('spouse','child','father','mother','father_in_law','mother_in_law','sibling')),
  full_name text NOT NULL,
  birth_date date,
  cccd_enc text,
  cccd_hash bytea,
  cccd_last4 text,
  occupation text,
  workplace text
);
CREATE INDEX relative_member_idx ON relative (member_id);
CREATE INDEX relative_cccd_idx ON relative (cccd_hash);

-- Each import: what was asked, what happened row by row (the report is rebuilt from it).
CREATE TABLE import_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('members','orgs','posts')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  scope_path ltree NOT NULL,
  status text NOT NULL CHECK (status IN ('applied','rejected','unchanged')),
  rows_total int NOT NULL,
  created int NOT NULL DEFAULT 0,
  updated int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_run_scope_gist ON import_run USING gist (scope_path);

ALTER TABLE member ENABLE ROW LEVEL SECURITY;
ALTER TABLE member FORCE ROW LEVEL SECURITY;
CREATE POLICY member_scope ON member
  USING (ktgs_is_system() OR (org_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))
  WITH CHECK (ktgs_is_system() OR (org_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()));

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['member_transfer','post','relative'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (ktgs_is_system() OR EXISTS (SELECT 1 FROM member m WHERE m.id = member_id))
                    WITH CHECK (ktgs_is_system() OR EXISTS (SELECT 1 FROM member m WHERE m.id = member_id))', t || '_scope', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['org_event','import_run'] LOOP
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
