// Table types for petitions (migration 0012).
import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Stored = ColumnType<string, never, never>;
type Json<T> = ColumnType<T, string, string>;
type Bytes = ColumnType<Buffer, Buffer, Buffer>;

export interface PetitionTable {
  id: Generated<string>;
  body_org_id: string;
  scope_path: string;
  scope_key: Stored;
  year: number;
  seq: number;
  code: string;
  kind: string;
  channel: string;
  received_on: DateCol;
  source_name: string | null;
  source_ref: string | null;
  subject_member_id: string | null;
  subject_org_id: string | null;
  subject_path: string | null;
  subject_name: string;
  subject_position: string | null;
  title: string;
  content: string;
  sender_identity: string;
  sender_address_known: Generated<boolean>;
  sender_enc: string | null;
  topic: Generated<string>;
  topic_method: Generated<string>;
  topic_confidence: number | null;
  status: Generated<string>;
  screening_outcome: string | null;
  screening_ground: string | null;
  screening: Json<Record<string, unknown>> | null;
  screened_on: DateCol | null;
  screened_by: string | null;
  forward_org_id: string | null;
  forward_file_id: string | null;
  forward_number_text: string | null;
  forwarded_on: DateCol | null;
  parent_id: string | null;
  clock_start_on: DateCol | null;
  due_on: DateCol | null;
  remind_on: DateCol | null;
  escalate_on: DateCol | null;
  extension_days: number | null;
  extension_reason: string | null;
  extended_by: string | null;
  pre_congress: Json<Record<string, unknown>> | null;
  passed_to_new_committee: Generated<boolean>;
  case_id: string | null;
  resolution: string | null;
  resolved_on: DateCol | null;
  answer: string | null;
  answered_on: DateCol | null;
  escalated_on: DateCol | null;
  receipt_code_hash: Bytes | null;
  receipt_secret_hash: Bytes | null;
  secrecy: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface PetitionFileTable {
  id: Generated<string>;
  petition_id: string;
  scope_path: string;
  file_id: string;
  message_id: string | null;
  source: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface PetitionMessageTable {
  id: Generated<string>;
  petition_id: string;
  scope_path: string;
  author: string;
  author_user_id: string | null;
  body: string;
  created_at: GeneratedTimestamp;
  read_at: Date | null;
}

export interface PetitionLinkTable {
  petition_id: string;
  other_id: string;
  scope_path: string;
  relation: string;
  resemblance: number | null;
  cosine: number | null;
  origin: Generated<string>;
  status: Generated<string>;
  decided_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface PetitionSignatureTable {
  petition_id: string;
  scope_path: string;
  terms: Bytes;
  pairs: Bytes;
}

export interface PetitionBandTable {
  /** band_no · 2^53 + band_hash; pg returns int8 as a string. */
  band_key: ColumnType<string, string | bigint, string | bigint>;
  petition_id: string;
  scope_path: string;
}

export interface PetitionTermStatTable {
  bucket: number;
  df: number;
}

export interface PetitionTopicModelTable {
  id: number;
  model: string;
  labelled: number;
  trained_at: GeneratedTimestamp;
}

export interface PetitionDeadlineRuleTable {
  kind: string;
  level: string;
  resolve_working_days: number;
  max_extension_working_days: number;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
  version: Generated<number>;
}

export interface PetitionTables {
  petition: PetitionTable;
  petition_file: PetitionFileTable;
  petition_message: PetitionMessageTable;
  petition_link: PetitionLinkTable;
  petition_signature: PetitionSignatureTable;
  petition_band: PetitionBandTable;
  petition_term_stat: PetitionTermStatTable;
  petition_topic_model: PetitionTopicModelTable;
  petition_deadline_rule: PetitionDeadlineRuleTable;
}
