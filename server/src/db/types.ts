// Table types for Kysely. Generated columns and defaults are `Generated<…>`.
import type { ColumnType, Generated } from 'kysely';
import type { DisciplineTables } from './types-discipline.ts';
import type { InspectionTables } from './types-inspection.ts';
import type { PetitionTables } from './types-petitions.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateCol = ColumnType<string, string, string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgUnitTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  path: string;
  /** Generated (migration 0006): path||'.' COLLATE "C". */
  path_key: ColumnType<string, never, never>;
  level: ColumnType<number, never, never>;
  province_code: string | null;
  has_committee: Generated<boolean>;
  has_inspection_committee: Generated<boolean>;
  secrecy: Generated<number>;
  valid_from: DateCol | null;
  valid_to: DateCol | null;
  successor_id: string | null;
  closed_reason: string | null;
  name_folded: ColumnType<string, never, never>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  full_name: string;
  email: string | null;
  org_id: string;
  org_path: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  clearance: Generated<number>;
  totp_secret_enc: string | null;
  totp_pending_secret_enc: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: ColumnType<string | null, number | string | null, number | string | null>;
  disabled: Generated<boolean>;
  last_login_at: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  org_id: string;
  created_at: GeneratedTimestamp;
}

export interface RecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: Buffer;
  used_at: Timestamp | null;
}

export interface SessionTable {
  id: Generated<string>;
  token_hash: Buffer;
  user_id: string;
  stage: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Timestamp | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: Buffer;
  scopes: string[];
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AuditLogTable {
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor_id: string | null;
  actor_name: string | null;
  scope_path: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  request_id: string | null;
  detail: ColumnType<Record<string, unknown> | null, string | null, never>;
  prev_hash: string;
  hash: string;
}

export interface MemberTable {
  id: Generated<string>;
  province_code: string | null;
  org_id: string;
  org_path: string;
  full_name: string;
  sort_key: string;
  name_folded: ColumnType<string, never, never>;
  name_c: ColumnType<string, never, never>;
  name_tail: ColumnType<string, never, never>;
  given_folded: ColumnType<string | null, never, never>;
  org_path_text: ColumnType<string, never, never>;
  gender: string | null;
  birth_date: DateCol | null;
  cccd_enc: string | null;
  cccd_hash: Buffer | null;
  cccd_last4: string | null;
  party_card_no: string | null;
  status: Generated<string>;
  admitted_on: DateCol | null;
  confirmed_on: DateCol | null;
  left_on: DateCol | null;
  secrecy: Generated<number>;
  merged_into: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface MemberTransferTable {
  id: Generated<string>;
  member_id: string;
  org_id: string;
  from_date: DateCol;
  to_date: DateCol | null;
  reason: string | null;
}

export interface PostTable {
  id: Generated<string>;
  member_id: string;
  category: string;
  code: string;
  title: string;
  org_id: string | null;
  workplace: string | null;
  is_head: Generated<boolean>;
  managed_by_org_id: string | null;
  sensitive_areas: Generated<string[]>;
  from_date: DateCol;
  to_date: DateCol | null;
}

export interface RelativeTable {
  id: Generated<string>;
  member_id: string;
  relation: string;
  full_name: string;
  birth_date: DateCol | null;
  cccd_enc: string | null;
  cccd_hash: Buffer | null;
  cccd_last4: string | null;
  occupation: string | null;
  workplace: string | null;
}

export interface OrgEventTable {
  id: Generated<string>;
  kind: string;
  effective_date: DateCol;
  from_org_ids: string[];
  to_org_ids: string[];
  decision_no: string | null;
  note: string | null;
  scope_path: string;
  members_moved: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface ImportRunTable {
  id: Generated<string>;
  kind: string;
  file_name: string;
  file_sha256: string;
  scope_path: string;
  status: string;
  rows_total: number;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  errors: ColumnType<unknown[], string, string>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface WorkCalendarYearTable {
  year: number;
  replaces_defaults: Generated<boolean>;
  decision_no: string | null;
  recorded_by: string | null;
  recorded_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface WorkCalendarEntryTable {
  day: DateCol;
  year: number;
  kind: string;
  name: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DB extends InspectionTables, DisciplineTables, PetitionTables {
  audit_head: AuditHeadTable;
  work_calendar_year: WorkCalendarYearTable;
  work_calendar_entry: WorkCalendarEntryTable;
  member: MemberTable;
  member_transfer: MemberTransferTable;
  post: PostTable;
  relative: RelativeTable;
  org_event: OrgEventTable;
  import_run: ImportRunTable;
  org_unit: OrgUnitTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
}
