// Member search that indexes can serve under row-level security. PostgreSQL applies a user's
// condition through an index only if its operators are leakproof: LIKE, trigram and ltree operators
// are not, text comparisons are. So names are matched by word prefix on stored, folded columns, and
// subtrees by a range on the path as text, each with a B-tree index led by the province.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`
ALTER TABLE member
  ADD COLUMN name_c text COLLATE "C" GENERATED ALWAYS AS (ktgs_fold(full_name)) STORED,
  ADD COLUMN name_tail text COLLATE "C" GENERATED ALWAYS AS (regexp_replace(ktgs_fold(full_name), '^\\S+\\s*', '')) STORED,
  ADD COLUMN given_folded text COLLATE "C" GENERATED ALWAYS AS (substring(ktgs_fold(full_name) from '(\\S+)$')) STORED,
  ADD COLUMN org_path_text text COLLATE "C" GENERATED ALWAYS AS (org_path::text) STORED;
CREATE INDEX member_prefix_full ON member (province_code, name_c);
CREATE INDEX member_prefix_tail ON member (province_code, name_tail);
CREATE INDEX member_prefix_given ON member (province_code, given_folded);
CREATE INDEX member_path_text ON member (province_code, org_path_text, sort_key);
-- Not usable by the application role's searches (see above); the prefix indexes replace them.
DROP INDEX member_name_trgm;
`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Không hỗ trợ hạ cấp lược đồ: khôi phục từ bản sao lưu.');
}
