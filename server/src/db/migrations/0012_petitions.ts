// Petitions (đơn thư, domain.md §5; issue #6): letters from every channel and the public portal, their
// screening, deadlines, messages with the sender, attachments, links between duplicate and related
// letters, and the similarity keys that find them. Scoped like the other work tables: `scope_path` is the
// path of the receiving body; marked letters are hidden above the reader's clearance.
// The sender's identity is one AES-256-GCM value (`sender_enc`, bound to the letter's id) that only the
// petition custodian reads; the portal's receipt code and secret are kept only as HMAC verifiers; no
// network address is stored anywhere.
import { type Kysely, sql } from 'kysely';

const KINDS = `'denunciation','discipline_complaint','recommendation','feedback'`;
const CHANNELS = `'portal','post','in_person','forwarded','press'`;
const STATUSES = `'received','screening','kept_as_information','forwarded','refused','accepted','in_progress','resolved','answered','withdrawn','closed'`;
const TOPICS = `'land','finance','personnel','ethics','procurement','other'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE TABLE petition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the body that received the letter and handles it (its inspection committee, committee or chi bộ)
  body_org_id uuid NOT NULL REFERENCES org_unit(id),
  scope_path ltree NOT NULL,
  scope_key text COLLATE "C" GENERATED ALWAYS AS (scope_path::text || '.') STORED,
  year int NOT NULL,
  seq int NOT NULL,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN (${KINDS})),
  channel text NOT NULL CHECK (channel IN (${CHANNELS})),
  received_on date NOT NULL,
  -- forwarded by another body / published by the press: who and their reference
  source_name text,
  source_ref text,
  -- who the letter is about: a member or an organisation of the registry, or a name only
  subject_member_id uuid REFERENCES member(id),
  subject_org_id uuid REFERENCES org_unit(id),
  subject_path ltree,
  subject_name text NOT NULL,
  subject_position text,
  title text NOT NULL,
  content text NOT NULL,
  -- the sender: how they signed, whether they can be answered; who they are only in sender_enc
  sender_identity text NOT NULL CHECK (sender_identity IN ('named','anonymous','false_name')),
  sender_address_known boolean NOT NULL DEFAULT false,
  sender_enc text,
  topic text NOT NULL DEFAULT 'other' CHECK (topic IN (${TOPICS})),
  topic_method text NOT NULL DEFAULT 'lexicon' CHECK (topic_method IN ('model','lexicon','officer')),
  topic_confidence real,
  status text NOT NULL DEFAULT 'received' CHECK (status IN (${STATUSES})),
  -- screening (domain.md §5): the facts established, the outcome and its ground and explanation
  screening_outcome text,
  screening_ground text,
  screening jsonb,
  screened_on date,
  screened_by uuid REFERENCES app_user(id),
  -- the competent body when forwarded, and the forwarding letter
  forward_org_id uuid REFERENCES org_unit(id),
  forward_file_id uuid REFERENCES stored_file(id),
  forward_number_text text,
  forwarded_on date,
  -- a split letter's part points to the letter it came from
  parent_id uuid REFERENCES petition(id),
  -- the resolution clock: from the day the competent body received it, in working days
  clock_start_on date,
  due_on date,
  -- the handler is reminded from remind_on; the level above is told from escalate_on (escalated_on: done)
  remind_on date,
  escalate_on date,
  extension_days int,
  extension_reason text,
  extended_by uuid REFERENCES app_user(id),
  pre_congress jsonb,
  passed_to_new_committee boolean NOT NULL DEFAULT false,
  -- an accepted denunciation opens an inspection on signs; its conclusion feeds the answer
  case_id uuid REFERENCES inspection_case(id),
  resolution text,
  resolved_on date,
  answer text,
  answered_on date,
  escalated_on date,
  -- the portal: receipt code and secret as HMAC verifiers, never in clear
  receipt_code_hash bytea UNIQUE,
  receipt_secret_hash bytea,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (num_nonnulls(subject_member_id, subject_org_id) <= 1),
  CHECK (extension_days IS NULL OR extension_reason IS NOT NULL),
  CHECK ((receipt_code_hash IS NULL) = (receipt_secret_hash IS NULL)),
  UNIQUE (body_org_id, year, seq)
);
CREATE INDEX petition_scope_key_idx ON petition (scope_key, received_on DESC);
CREATE INDEX petition_due_idx ON petition (due_on) WHERE due_on IS NOT NULL;
CREATE INDEX petition_member_idx ON petition (subject_member_id) WHERE subject_member_id IS NOT NULL;
CREATE INDEX petition_org_idx ON petition (subject_org_id) WHERE subject_org_id IS NOT NULL;
CREATE INDEX petition_case_idx ON petition (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX petition_parent_idx ON petition (parent_id) WHERE parent_id IS NOT NULL;

-- Files that came with the letter or with a message (from the sender or the handler).
CREATE TABLE petition_file (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  petition_id uuid NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  file_id uuid NOT NULL REFERENCES stored_file(id),
  message_id uuid,
  source text NOT NULL CHECK (source IN ('sender','officer')),
  created_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX petition_file_petition_idx ON petition_file (petition_id, created_at);

-- Messages between the sender (through the portal, anonymously) and the handler.
CREATE TABLE petition_message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  petition_id uuid NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  author text NOT NULL CHECK (author IN ('sender','officer')),
  author_user_id uuid REFERENCES app_user(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX petition_message_petition_idx ON petition_message (petition_id, created_at);

-- Duplicate and related letters (domain.md §5: linked, not counted twice). Directed from the newer letter,
-- scoped by it: a province officer sees the link to a commune's copy; the commune does not see the province's.
CREATE TABLE petition_link (
  petition_id uuid NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
  other_id uuid NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  relation text NOT NULL CHECK (relation IN ('duplicate','related')),
  resemblance real,
  cosine real,
  origin text NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto','officer')),
  status text NOT NULL DEFAULT 'suggested' CHECK (status IN ('suggested','confirmed','rejected')),
  decided_by uuid REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (petition_id, other_id),
  CHECK (petition_id <> other_id)
);
CREATE INDEX petition_link_other_idx ON petition_link (other_id);

-- Similarity keys (server/src/domain/petitions/similarity): the precise-score sets of each letter, and
-- one row per LSH band or person-name key. band_key = band_no · 2^53 + band_hash, one bigint looked up
-- by equality (an index a row-level-security filter does not hide).
CREATE TABLE petition_signature (
  petition_id uuid PRIMARY KEY REFERENCES petition(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  terms bytea NOT NULL,
  pairs bytea NOT NULL
);
CREATE TABLE petition_band (
  band_key bigint NOT NULL,
  petition_id uuid NOT NULL REFERENCES petition(id) ON DELETE CASCADE,
  scope_path ltree NOT NULL,
  PRIMARY KEY (band_key, petition_id)
);
CREATE INDEX petition_band_petition_idx ON petition_band (petition_id);
-- Document frequencies of hashed terms over all letters (bucket -1 holds the number of letters), for the
-- IDF weights of the score. Counts of hashes only: nothing of a letter can be read back from them.
CREATE TABLE petition_term_stat (
  bucket int PRIMARY KEY,
  df int NOT NULL
);

-- The topic classifier, retrained from officers' corrections (topic_method = 'officer'; one row). Word
-- counts of letters, never sent to a client: read by the intake of any scope, written by system work only.
CREATE TABLE petition_topic_model (
  id smallint PRIMARY KEY CHECK (id = 1),
  model text NOT NULL,
  labelled int NOT NULL,
  trained_at timestamptz NOT NULL DEFAULT now()
);
-- Deadline rules set by the administrator over the defaults of domain.md §5 (kind × level).
CREATE TABLE petition_deadline_rule (
  kind text NOT NULL CHECK (kind IN (${KINDS})),
  level text NOT NULL,
  resolve_working_days int NOT NULL CHECK (resolve_working_days BETWEEN 1 AND 720),
  max_extension_working_days int NOT NULL CHECK (max_extension_working_days BETWEEN 0 AND 360),
  updated_by uuid REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  PRIMARY KEY (kind, level)
);

DO $$
DECLARE t text;
BEGIN
  EXECUTE 'ALTER TABLE petition ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE petition FORCE ROW LEVEL SECURITY';
  EXECUTE 'CREATE POLICY petition_scope ON petition USING (ktgs_is_system() OR (scope_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))
           WITH CHECK (ktgs_is_system() OR (scope_path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))';
  FOREACH t IN ARRAY ARRAY['petition_file','petition_message','petition_link','petition_signature','petition_band'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (ktgs_is_system() OR scope_path <@ ktgs_scopes())
                    WITH CHECK (ktgs_is_system() OR scope_path <@ ktgs_scopes())', t || '_scope', t);
  END LOOP;
  EXECUTE 'ALTER TABLE petition_topic_model ENABLE ROW LEVEL SECURITY';
  EXECUTE 'ALTER TABLE petition_topic_model FORCE ROW LEVEL SECURITY';
  EXECUTE 'CREATE POLICY petition_topic_model_read ON petition_topic_model FOR SELECT USING (true)';
  EXECUTE 'CREATE POLICY petition_topic_model_write ON petition_topic_model USING (ktgs_is_system()) WITH CHECK (ktgs_is_system())';
END $$;
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
