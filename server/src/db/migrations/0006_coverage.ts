// Coverage roll-up (issue #4 points 2 and 11): members and cell secretaries/deputies counted per
// organisation, kept current by statement-level triggers, so that a dashboard sums a few thousand
// per-organisation rows instead of counting 5.6 million members under row-level security.
// The table holds only counts keyed by organisation id; it is read joined to org_unit, whose
// row-level security decides which organisations (and so which counts) a user sees.
import { type Kysely, sql } from 'kysely';

// Posts that make a member a cell secretary or deputy (common/posts.ts), counted where they are held.
const LEADER = `code IN ('secretary','deputy_secretary') AND to_date IS NULL AND org_id IS NOT NULL`;
const ACTIVE = `status IN ('probationary','full') AND merged_into IS NULL`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
CREATE TABLE coverage_org_stat (
  org_id uuid PRIMARY KEY,
  members int NOT NULL DEFAULT 0,
  leaders int NOT NULL DEFAULT 0
);

-- Deltas from the statement's transition tables: one grouped upsert per statement (a COPY of 50,000
-- members is one statement), never a recount, and nothing read under the writer's row-level security.
CREATE FUNCTION ktgs_member_stat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO coverage_org_stat AS s (org_id, members)
      SELECT org_id, count(*) FROM new_rows WHERE ${ACTIVE} GROUP BY org_id
      ON CONFLICT (org_id) DO UPDATE SET members = s.members + EXCLUDED.members;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO coverage_org_stat AS s (org_id, members)
      SELECT org_id, -count(*) FROM old_rows WHERE ${ACTIVE} GROUP BY org_id
      ON CONFLICT (org_id) DO UPDATE SET members = s.members + EXCLUDED.members;
  ELSE
    INSERT INTO coverage_org_stat AS s (org_id, members)
      SELECT org_id, sum(d) FROM (
        SELECT org_id, 1 AS d FROM new_rows WHERE ${ACTIVE}
        UNION ALL SELECT org_id, -1 FROM old_rows WHERE ${ACTIVE}) x
      GROUP BY org_id HAVING sum(d) <> 0
      ON CONFLICT (org_id) DO UPDATE SET members = s.members + EXCLUDED.members;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION ktgs_post_stat() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO coverage_org_stat AS s (org_id, leaders)
      SELECT org_id, count(*) FROM new_rows WHERE ${LEADER} GROUP BY org_id
      ON CONFLICT (org_id) DO UPDATE SET leaders = s.leaders + EXCLUDED.leaders;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO coverage_org_stat AS s (org_id, leaders)
      SELECT org_id, -count(*) FROM old_rows WHERE ${LEADER} GROUP BY org_id
      ON CONFLICT (org_id) DO UPDATE SET leaders = s.leaders + EXCLUDED.leaders;
  ELSE
    INSERT INTO coverage_org_stat AS s (org_id, leaders)
      SELECT org_id, sum(d) FROM (
        SELECT org_id, 1 AS d FROM new_rows WHERE ${LEADER}
        UNION ALL SELECT org_id, -1 FROM old_rows WHERE ${LEADER}) x
      GROUP BY org_id HAVING sum(d) <> 0
      ON CONFLICT (org_id) DO UPDATE SET leaders = s.leaders + EXCLUDED.leaders;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER member_stat_ins AFTER INSERT ON member REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_member_stat();
CREATE TRIGGER member_stat_upd AFTER UPDATE ON member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_member_stat();
CREATE TRIGGER member_stat_del AFTER DELETE ON member REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_member_stat();
CREATE TRIGGER post_stat_ins AFTER INSERT ON post REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_post_stat();
CREATE TRIGGER post_stat_upd AFTER UPDATE ON post REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_post_stat();
CREATE TRIGGER post_stat_del AFTER DELETE ON post REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ktgs_post_stat();

-- Subtree ranges need a path as text in a column: under row-level security PostgreSQL applies a user's
-- condition through an index only if every function in it is leakproof, and the ltree-to-text cast
-- inside ktgs_path_text() is not (so the text_pattern_ops indexes of 0005 are not used there). A stored
-- key (path || '.') COLLATE "C" compared with plain >= and < (leakproof) is: [ 'a.b.', 'a.b/' ) is the subtree.
ALTER TABLE org_unit ADD COLUMN path_key text COLLATE "C" GENERATED ALWAYS AS (path::text || '.') STORED;
ALTER TABLE inspection_case
  ADD COLUMN subject_key text COLLATE "C" GENERATED ALWAYS AS (subject_path::text || '.') STORED,
  ADD COLUMN scope_key text COLLATE "C" GENERATED ALWAYS AS (scope_path::text || '.') STORED;
ALTER TABLE programme_item ADD COLUMN subject_key text COLLATE "C" GENERATED ALWAYS AS (subject_path::text || '.') STORED;
ALTER TABLE case_step ADD COLUMN scope_key text COLLATE "C" GENERATED ALWAYS AS (scope_path::text || '.') STORED;
ALTER TABLE remediation_item ADD COLUMN scope_key text COLLATE "C" GENERATED ALWAYS AS (scope_path::text || '.') STORED;
CREATE INDEX org_unit_path_key_idx ON org_unit (path_key);
-- Done cases by subject: coverage counts a case in the year its result was given (conclusion notice,
-- else closing); the same index gives the planner each subject's last coverage.
CREATE INDEX inspection_case_done_key_idx ON inspection_case (subject_key, (coalesce(notified_on, closed_on)))
  WHERE status <> 'cancelled';
CREATE INDEX inspection_case_scope_key_idx ON inspection_case (scope_key, year);
CREATE INDEX programme_item_subject_key_idx ON programme_item (subject_key, year);
CREATE INDEX case_step_open_key_idx ON case_step (scope_key, due_on) WHERE completed_on IS NULL;
CREATE INDEX remediation_open_key_idx ON remediation_item (scope_key, due_on) WHERE status = 'open';

-- Existing rows, counted once, in the system scope (the migration's transaction only).
DO $$
DECLARE prev text := coalesce(current_setting('ktgs.system', true), '');
BEGIN
  PERFORM set_config('ktgs.system', 'on', true);
  INSERT INTO coverage_org_stat (org_id, members, leaders)
    SELECT org_id, sum(m), sum(l) FROM (
      SELECT org_id, 1 AS m, 0 AS l FROM member WHERE ${ACTIVE}
      UNION ALL SELECT org_id, 0, 1 FROM post WHERE ${LEADER}) x
    GROUP BY org_id;
  PERFORM set_config('ktgs.system', prev, true);
END $$;
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
