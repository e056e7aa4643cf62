// Closing, merging and splitting organisations (issue #3, point 1): request and answer schemas
// shared by the server routes and the web client. History is kept: the old unit keeps its row.
import { z } from 'zod';
import { ALLOWED_CHILDREN, ORG_KINDS, type OrgKind, orgCreateSchema } from './orgs.ts';

export const ORG_EVENT_KINDS = ['close', 'merge', 'split'] as const;
export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];
export const ORG_EVENT_LABELS: Record<OrgEventKind, string> = {
  close: 'Giải thể',
  merge: 'Hợp nhất, sáp nhập',
  split: 'Chia tách',
};

const effectiveDate = z.iso.date({ error: 'Ngày hiệu lực không hợp lệ (định dạng yyyy-mm-dd)' });
const decisionNo = z.string().trim().min(1, 'Số quyết định không được để trống').max(100, 'Số quyết định tối đa 100 ký tự');
const note = z.string().trim().max(2000, 'Ghi chú tối đa 2000 ký tự');
const orgId = (label: string) => z.uuid({ error: `${label} không hợp lệ` });

export const orgCloseSchema = z.object({
  /** The first day the unit no longer exists; it stays valid until the day before. */
  date: effectiveDate,
  successorId: orgId('Tổ chức tiếp nhận').nullable().optional(),
  decisionNo: decisionNo.nullable().optional(),
  note: note.nullable().optional(),
});
export type OrgClose = z.input<typeof orgCloseSchema>;

export const orgMergeSchema = z.object({
  fromIds: z
    .array(orgId('Tổ chức được hợp nhất'), { error: 'Cần chọn các tổ chức được hợp nhất' })
    .min(1, 'Cần chọn ít nhất một tổ chức được hợp nhất')
    .max(50, 'Mỗi lần hợp nhất tối đa 50 tổ chức'),
  intoId: orgId('Tổ chức tiếp nhận'),
  date: effectiveDate,
  decisionNo: decisionNo.nullable().optional(),
  note: note.nullable().optional(),
});
export type OrgMerge = z.input<typeof orgMergeSchema>;

export const orgSplitPartSchema = z.object({
  code: orgCreateSchema.shape.code,
  name: orgCreateSchema.shape.name,
  kind: z.enum(ORG_KINDS, { error: 'Loại tổ chức không hợp lệ' }),
  memberIds: z.array(z.uuid({ error: 'Mã đảng viên không hợp lệ' })).max(5000, 'Mỗi tổ chức mới tối đa 5000 đảng viên'),
});
export const orgSplitSchema = z.object({
  date: effectiveDate,
  parts: z
    .array(orgSplitPartSchema, { error: 'Cần khai báo các tổ chức mới' })
    .min(2, 'Chia tách cần ít nhất hai tổ chức mới')
    .max(20, 'Mỗi lần chia tách tối đa 20 tổ chức mới'),
  decisionNo: decisionNo.nullable().optional(),
  note: note.nullable().optional(),
});
export type OrgSplit = z.input<typeof orgSplitSchema>;

const orgRef = z.object({ id: z.uuid(), code: z.string().nullable(), name: z.string().nullable() });
export const orgEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORG_EVENT_KINDS),
  effectiveDate: z.string(),
  /** Units that ended (name null when outside the reader's scope). */
  fromOrgs: z.array(orgRef),
  /** Successors: the target of a merge or close, the new units of a split. */
  toOrgs: z.array(orgRef),
  decisionNo: z.string().nullable(),
  note: z.string().nullable(),
  membersMoved: z.number().int(),
  createdAt: z.string(),
});
export type OrgEvent = z.infer<typeof orgEventSchema>;

/** Kinds whose members sit directly in them (a cell, or a grassroots organisation without cells). */
export const HOLDS_MEMBERS: readonly OrgKind[] = ['cell', 'grassroots'];

/** ISO date arithmetic in UTC: a unit closed from `date` was last valid on addDays(date, -1). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "A, B, C và 4 người/tổ chức khác": names in a message, at most `max` of them. */
export function listNames(names: readonly string[], max = 10): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} và ${names.length - max} người/tổ chức khác` : shown;
}

/**
 * Why a split cannot proceed, or null: every active member of the unit goes to exactly one new unit,
 * each new unit sits where the tree allows (ALLOWED_CHILDREN) and only member-holding kinds get members.
 * Shared so that the split form can say it before sending.
 */
export function splitProblem(
  parts: readonly { kind: OrgKind; memberIds: readonly string[] }[],
  members: readonly { id: string; name: string }[],
  parentKind: OrgKind,
): { field: string; message: string } | null {
  const own = new Set(members.map((m) => m.id));
  const seen = new Map<string, number>();
  for (const [i, part] of parts.entries()) {
    if (!ALLOWED_CHILDREN[parentKind].includes(part.kind)) {
      return { field: `parts.${i}.kind`, message: 'Loại tổ chức này không thể trực thuộc tổ chức cấp trên đã chọn.' };
    }
    if (part.memberIds.length > 0 && !HOLDS_MEMBERS.includes(part.kind)) {
      return { field: `parts.${i}.kind`, message: 'Chỉ chi bộ hoặc tổ chức cơ sở đảng mới nhận đảng viên trực tiếp.' };
    }
    for (const id of part.memberIds) {
      if (!own.has(id))
        return { field: `parts.${i}.memberIds`, message: 'Có đảng viên không thuộc tổ chức đang chia tách (hoặc đã ra khỏi Đảng).' };
      if (seen.has(id) && seen.get(id) !== i)
        return { field: `parts.${i}.memberIds`, message: 'Một đảng viên được xếp vào hai tổ chức mới.' };
      seen.set(id, i);
    }
  }
  const missing = members.filter((m) => !seen.has(m.id)).map((m) => m.name);
  if (missing.length === 0) return null;
  return { field: 'parts', message: `Còn ${missing.length} đảng viên chưa được xếp vào tổ chức mới nào: ${listNames(missing)}.` };
}
