// Table types for discipline and complaints about discipline (migration 0011).
import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Stored = ColumnType<string, never, never>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T> = ColumnType<T, string, string>;

export interface DisciplineMatterTable {
  id: Generated<string>;
  body_org_id: string;
  body_type: string;
  scope_path: string;
  scope_key: Stored;
  province_code: string | null;
  year: number;
  seq: number;
  code: string;
  source: string;
  case_id: string | null;
  source_ref: string | null;
  subject_member_id: string | null;
  subject_org_id: string | null;
  subject_path: string;
  subject_key: Stored;
  subject_name: string;
  subject_facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<string>;
  status_reason: string | null;
  postponed_until: DateCol | null;
  mitigating: TextArray;
  aggravating: TextArray;
  circumstances_note: string | null;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface DisciplineViolationTable {
  id: Generated<string>;
  matter_id: string;
  scope_path: string;
  seq: number;
  occurred_on: DateCol;
  description: string;
  rule_violated: string;
  special_area: string | null;
  deserved_form: string;
  created_at: GeneratedTimestamp;
}

export interface DisciplineMeetingTable {
  id: Generated<string>;
  matter_id: string;
  scope_path: string;
  held_on: DateCol;
  official_members: number;
  present: number;
  ballots: Json<{ form: string; votes: number }[]>;
  outcome_form: string | null;
  outcome_explanation: string;
  minutes_file_id: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface DisciplineDecisionTable {
  id: Generated<string>;
  matter_id: string;
  meeting_id: string | null;
  scope_path: string;
  subject_member_id: string | null;
  subject_org_id: string | null;
  form: string;
  decided_on: DateCol;
  announced_on: DateCol | null;
  effective_on: DateCol | null;
  effect_ends_on: DateCol | null;
  number: number | null;
  number_text: string | null;
  revision: Generated<number>;
  file_id: string | null;
  signed_file_id: string | null;
  original_form: string | null;
  status: Generated<string>;
  changed_by_complaint_id: string | null;
  apology_note: string | null;
  restored_rights_note: string | null;
  publish_internally: Generated<boolean>;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface DisciplineTaskTable {
  id: Generated<string>;
  decision_id: string;
  scope_path: string;
  kind: string;
  title: string;
  due_on: DateCol;
  done_on: DateCol | null;
  note: string | null;
  version: Generated<number>;
}

export interface DisciplineComplaintTable {
  id: Generated<string>;
  decision_id: string;
  scope_path: string;
  resolver_org_id: string;
  resolver_body_type: string;
  complainant_member_id: string | null;
  complainant_org_id: string | null;
  complainant_name: string;
  filed_on: DateCol;
  decision_received_on: DateCol | null;
  content: string;
  filing_facts: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: Generated<string>;
  refusal_grounds: TextArray;
  refusal_note: string | null;
  due_on: DateCol | null;
  is_final_level: Generated<boolean>;
  outcome: string | null;
  outcome_form: string | null;
  outcome_note: string | null;
  resolved_on: DateCol | null;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface DisciplineTables {
  discipline_matter: DisciplineMatterTable;
  discipline_violation: DisciplineViolationTable;
  discipline_meeting: DisciplineMeetingTable;
  discipline_decision: DisciplineDecisionTable;
  discipline_task: DisciplineTaskTable;
  discipline_complaint: DisciplineComplaintTable;
}
