// Table types for the inspection and supervision tables (migration 0005).
import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ProgrammeTable {
  id: Generated<string>;
  org_id: string;
  body_type: string;
  scope_path: string;
  province_code: string | null;
  period: string;
  year_from: number;
  year_to: number;
  title: string;
  status: Generated<string>;
  revision: Generated<number>;
  decision_no: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface ProgrammeRevisionTable {
  programme_id: string;
  revision: number;
  scope_path: string;
  snapshot: ColumnType<unknown, string, string>;
  reason: string | null;
  decision_no: string | null;
  approved_by: string | null;
  approved_at: GeneratedTimestamp;
}

export interface ProgrammeItemTable {
  id: Generated<string>;
  programme_id: string;
  scope_path: string;
  province_code: string | null;
  year: number;
  seq: number;
  kind: string;
  subject_org_id: string | null;
  subject_member_id: string | null;
  subject_path: string;
  subject_key: ColumnType<string, never, never>;
  subject_name: string;
  topic: string;
  period_from: DateCol | null;
  period_to: DateCol | null;
  responsible_org_id: string | null;
  lead_name: string | null;
  status: Generated<string>;
  cancelled_reason: string | null;
  secrecy: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface InspectionCaseTable {
  id: Generated<string>;
  body_org_id: string;
  body_type: string;
  scope_path: string;
  /** Generated (migration 0006): path||'.' COLLATE "C", for index range scans under row-level security. */
  scope_key: ColumnType<string, never, never>;
  province_code: string | null;
  year: number;
  seq: number;
  code: string;
  kind: string;
  programme_item_id: string | null;
  subject_org_id: string | null;
  subject_member_id: string | null;
  subject_path: string;
  subject_key: ColumnType<string, never, never>;
  subject_name: string;
  topic: string;
  grounds: string | null;
  step: string;
  status: Generated<string>;
  status_reason: string | null;
  decided_on: DateCol | null;
  decision_no: string | null;
  limit_days: number | null;
  due_on: DateCol | null;
  extension_days: number | null;
  extension_reason: string | null;
  extended_at: Timestamp | null;
  extended_by: string | null;
  findings: string | null;
  violation_found: boolean | null;
  concluded_on: DateCol | null;
  notified_on: DateCol | null;
  propose_discipline: Generated<boolean>;
  discipline_note: string | null;
  closed_on: DateCol | null;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface CaseStepTable {
  id: Generated<string>;
  case_id: string;
  scope_path: string;
  scope_key: ColumnType<string, never, never>;
  step: string;
  started_on: DateCol;
  due_on: DateCol | null;
  completed_on: DateCol | null;
  note: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseTeamMemberTable {
  id: Generated<string>;
  case_id: string;
  scope_path: string;
  member_id: string | null;
  user_id: string | null;
  full_name: string;
  position: string | null;
  role: string;
  added_on: ColumnType<string, string | undefined, string>;
  removed_on: DateCol | null;
  removed_reason: string | null;
}

export interface StoredFileTable {
  id: Generated<string>;
  scope_path: string;
  secrecy: Generated<number>;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface CaseAttachmentTable {
  id: Generated<string>;
  case_id: string;
  step_id: string | null;
  scope_path: string;
  kind: string;
  title: string;
  file_id: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface DocCounterTable {
  issuer_org_id: string;
  year: number;
  symbol: string;
  scope_path: string;
  last_no: Generated<number>;
}

export interface CaseDocumentTable {
  id: Generated<string>;
  case_id: string;
  scope_path: string;
  doc_type: string;
  step: string | null;
  issuer_org_id: string;
  year: number;
  number: number | null;
  number_text: string | null;
  title: string;
  revision: number;
  file_id: string;
  signed_file_id: string | null;
  signed_at: Timestamp | null;
  generated_by: string | null;
  generated_at: GeneratedTimestamp;
}

export interface RemediationItemTable {
  id: Generated<string>;
  case_id: string;
  scope_path: string;
  scope_key: ColumnType<string, never, never>;
  province_code: string | null;
  seq: number;
  requirement: string;
  owner_org_id: string | null;
  owner_member_id: string | null;
  owner_user_id: string | null;
  owner_name: string;
  due_on: DateCol;
  status: Generated<string>;
  done_on: DateCol | null;
  result_note: string | null;
  cancelled_reason: string | null;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface RemediationEvidenceTable {
  id: Generated<string>;
  item_id: string;
  scope_path: string;
  file_id: string;
  note: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  scope_path: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

export interface SupervisionAreaTable {
  id: Generated<string>;
  body_org_id: string;
  scope_path: string;
  user_id: string | null;
  member_id: string | null;
  holder_name: string;
  area: string;
  fields: ColumnType<string[], string[] | undefined, string[]>;
  subject_org_ids: ColumnType<string[], string[] | undefined, string[]>;
  from_date: DateCol;
  to_date: DateCol | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface SupervisionReportTable {
  id: Generated<string>;
  area_id: string;
  scope_path: string;
  year: number;
  period: string;
  content: string;
  findings: string | null;
  proposals: string | null;
  signs_of_violation: Generated<boolean>;
  submitted_by: string | null;
  submitted_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface InspectionTables {
  programme: ProgrammeTable;
  programme_revision: ProgrammeRevisionTable;
  programme_item: ProgrammeItemTable;
  inspection_case: InspectionCaseTable;
  case_step: CaseStepTable;
  case_team_member: CaseTeamMemberTable;
  stored_file: StoredFileTable;
  case_attachment: CaseAttachmentTable;
  doc_counter: DocCounterTable;
  case_document: CaseDocumentTable;
  remediation_item: RemediationItemTable;
  remediation_evidence: RemediationEvidenceTable;
  notification: NotificationTable;
  supervision_area: SupervisionAreaTable;
  supervision_report: SupervisionReportTable;
}
