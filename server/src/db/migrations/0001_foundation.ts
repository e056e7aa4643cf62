// Foundation schema: organisation tree, users, sessions, tokens, throttling, audit chain, RLS.
// Plain SQL that runs on PostgreSQL 15+ and on PGlite.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Diacritic folding for search: "Nguyễn Văn Đức" -> "nguyen van duc". IMMUTABLE so that it can feed
-- generated columns and indexes; the dictionary is named explicitly so search_path cannot change it.
CREATE OR REPLACE FUNCTION ktgs_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(translate(public.unaccent('public.unaccent'::regdictionary, t), 'đĐ', 'dD')) $$;

-- Access context, set per transaction by the application (server/src/db/context.ts).
-- ktgs.scopes: the ltree paths the current operation may touch; ktgs.clearance: 0..3;
-- ktgs.system: 'on' only for trusted system work (authentication, migrations, audit verification).
CREATE OR REPLACE FUNCTION ktgs_is_system() RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('ktgs.system', true), '') = 'on' $$;
CREATE OR REPLACE FUNCTION ktgs_scopes() RETURNS ltree[] LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('ktgs.scopes', true), ''), '{}')::ltree[] $$;
CREATE OR REPLACE FUNCTION ktgs_clearance() RETURNS int LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('ktgs.clearance', true), ''), '0')::int $$;

CREATE TABLE org_unit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES org_unit(id),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('central','province','commune','agency','grassroots','cell')),
  path ltree NOT NULL UNIQUE,
  level int GENERATED ALWAYS AS (nlevel(path)) STORED,
  province_code text,
  has_committee boolean NOT NULL DEFAULT false,
  has_inspection_committee boolean NOT NULL DEFAULT false,
  secrecy smallint NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  valid_from date,
  valid_to date,
  name_folded text GENERATED ALWAYS AS (ktgs_fold(name || ' ' || code)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1,
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE INDEX org_unit_path_gist ON org_unit USING gist (path);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_province_idx ON org_unit (province_code);
CREATE INDEX org_unit_name_trgm ON org_unit USING gin (name_folded gin_trgm_ops);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  full_name text NOT NULL,
  email text,
  -- the organisation whose administrators manage this account (row-level security scope)
  org_id uuid NOT NULL REFERENCES org_unit(id),
  org_path ltree NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  password_changed_at timestamptz,
  clearance smallint NOT NULL DEFAULT 0 CHECK (clearance BETWEEN 0 AND 3),
  totp_secret_enc text,
  totp_pending_secret_enc text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint,
  disabled boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
CREATE INDEX app_user_org_path_gist ON app_user USING gist (org_path);

CREATE TABLE role_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin','ubkt_leader','ubkt_officer','committee_member',
    'cell_secretary','viewer','auditor','petition_custodian')),
  org_id uuid NOT NULL REFERENCES org_unit(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, org_id)
);
CREATE INDEX role_assignment_org_idx ON role_assignment (org_id);

CREATE TABLE recovery_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  code_hash bytea NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_code_user_idx ON recovery_code (user_id);

CREATE TABLE session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash bytea NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('password_change','totp_enrol','totp','full')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE api_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Who holds a session or an API token, with their roles, in one round trip. Authentication runs
-- before any scope is known, so these functions alone set the system context, for their own duration.
-- set_config (not a function SET clause, which PostgreSQL 15 refuses to non-superusers for custom
-- settings), restored before returning so that an enclosing transaction keeps its own context.
-- PL/pgSQL, so that the plan is cached per connection (an SQL function would be planned per call).
CREATE OR REPLACE FUNCTION ktgs_session_principal(p_hash bytea, p_idle_minutes int)
  RETURNS TABLE (session_id uuid, stage text, csrf_token text, last_seen_at timestamptz, user_id uuid,
                 username text, full_name text, clearance smallint, org_path text, totp_enabled boolean, roles jsonb)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE prev text := coalesce(current_setting('ktgs.system', true), '');
BEGIN
  PERFORM set_config('ktgs.system', 'on', true);
  RETURN QUERY
    SELECT s.id, s.stage, s.csrf_token, s.last_seen_at, u.id, u.username, u.full_name, u.clearance, u.org_path::text,
           u.totp_enabled,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'orgId', r.org_id, 'orgPath', o.path::text,
                                   'orgName', o.name) ORDER BY o.path, r.role), '[]'::jsonb)
            FROM role_assignment r JOIN org_unit o ON o.id = r.org_id WHERE r.user_id = u.id)
    FROM session s JOIN app_user u ON u.id = s.user_id
    WHERE s.token_hash = p_hash AND s.revoked_at IS NULL AND s.expires_at > now()
      AND s.last_seen_at > now() - make_interval(mins => p_idle_minutes) AND NOT u.disabled;
  PERFORM set_config('ktgs.system', prev, true);
END $$;

CREATE OR REPLACE FUNCTION ktgs_token_principal(p_hash bytea)
  RETURNS TABLE (token_id uuid, scopes text[], last_used_at timestamptz, user_id uuid, username text,
                 full_name text, clearance smallint, org_path text, totp_enabled boolean, roles jsonb)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE prev text := coalesce(current_setting('ktgs.system', true), '');
BEGIN
  PERFORM set_config('ktgs.system', 'on', true);
  RETURN QUERY
    SELECT t.id, t.scopes, t.last_used_at, u.id, u.username, u.full_name, u.clearance, u.org_path::text,
           u.totp_enabled,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'orgId', r.org_id, 'orgPath', o.path::text,
                                   'orgName', o.name) ORDER BY o.path, r.role), '[]'::jsonb)
            FROM role_assignment r JOIN org_unit o ON o.id = r.org_id WHERE r.user_id = u.id)
    FROM api_token t JOIN app_user u ON u.id = t.user_id
    WHERE t.token_hash = p_hash AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT u.disabled;
  PERFORM set_config('ktgs.system', prev, true);
END $$;

-- Failed sign-ins per account and per address, for exponential back-off shared by all processes.
CREATE TABLE auth_throttle (
  key text PRIMARY KEY,
  failures int NOT NULL DEFAULT 0,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz
);

-- The audit chain. hash = sha256(prev_hash || ':' || seq || ':' || canonical entry), computed in the
-- database from the canonical text the application sends, so that appends serialise on audit_head.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text,
  scope_path ltree NOT NULL,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  before_digest text,
  after_digest text,
  request_id text,
  detail jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_scope_gist ON audit_log USING gist (scope_path);
CREATE INDEX audit_log_action_idx ON audit_log (action, seq);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq);

CREATE TABLE audit_head (
  id int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, repeat('0', 64));

CREATE OR REPLACE FUNCTION ktgs_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND coalesce(current_setting('ktgs.maintenance', true), '') = 'restore' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hoặc xóa (%).', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION ktgs_audit_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_audit_guard();

-- Row-level security: the same scope the services check, checked again by the database.
ALTER TABLE org_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_unit FORCE ROW LEVEL SECURITY;
CREATE POLICY org_unit_scope ON org_unit
  USING (ktgs_is_system() OR (path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()))
  WITH CHECK (ktgs_is_system() OR (path <@ ktgs_scopes() AND secrecy <= ktgs_clearance()));

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY app_user_scope ON app_user
  USING (ktgs_is_system() OR org_path <@ ktgs_scopes())
  WITH CHECK (ktgs_is_system() OR org_path <@ ktgs_scopes());

ALTER TABLE role_assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_assignment FORCE ROW LEVEL SECURITY;
CREATE POLICY role_assignment_scope ON role_assignment
  USING (ktgs_is_system() OR EXISTS (SELECT 1 FROM org_unit o WHERE o.id = org_id))
  WITH CHECK (ktgs_is_system() OR EXISTS (SELECT 1 FROM org_unit o WHERE o.id = org_id));

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT
  USING (ktgs_is_system() OR scope_path <@ ktgs_scopes());
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true);
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
