import { z } from 'zod';
import { CLEARANCES } from './roles.ts';

export const ORG_KINDS = ['central', 'province', 'commune', 'agency', 'grassroots', 'cell'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  central: 'Trung ương',
  province: 'Đảng bộ tỉnh, thành phố',
  commune: 'Đảng bộ xã, phường, đặc khu',
  agency: 'Đảng bộ cơ quan, khối',
  grassroots: 'Tổ chức cơ sở đảng',
  cell: 'Chi bộ',
};

/**
 * Which kinds may sit directly under which (Điều lệ Đảng, Chương III; domain.md §1):
 * Trung ương → tỉnh/thành and đảng bộ khối/cơ quan; tỉnh → đảng bộ xã/phường/đặc khu, cơ quan,
 * tổ chức cơ sở; xã/phường/đặc khu and cơ quan → tổ chức cơ sở đảng; đảng bộ cơ sở → chi bộ.
 */
export const ALLOWED_CHILDREN: Record<OrgKind, readonly OrgKind[]> = {
  central: ['province', 'agency'],
  province: ['commune', 'agency', 'grassroots'],
  agency: ['agency', 'grassroots'],
  commune: ['grassroots'],
  grassroots: ['cell'],
  cell: [],
};

const code = z
  .string({ error: 'Mã tổ chức là bắt buộc' })
  .trim()
  .regex(/^[A-Za-z0-9_]{1,40}$/, 'Mã tổ chức chỉ gồm chữ không dấu, chữ số và dấu gạch dưới (tối đa 40 ký tự)');
const name = z
  .string({ error: 'Tên tổ chức là bắt buộc' })
  .trim()
  .min(2, 'Tên tổ chức phải có ít nhất 2 ký tự')
  .max(300, 'Tên tổ chức tối đa 300 ký tự');
const isoDate = z.iso.date({ error: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)' });

export const orgSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  path: z.string(),
  level: z.number().int(),
  provinceCode: z.string().nullable(),
  hasCommittee: z.boolean(),
  hasInspectionCommittee: z.boolean(),
  secrecy: z.number().int(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgCreateSchema = z.object({
  parentId: z.uuid({ error: 'Tổ chức cấp trên không hợp lệ' }),
  code,
  name,
  kind: z.enum(ORG_KINDS, { error: 'Loại tổ chức không hợp lệ' }),
  hasCommittee: z.boolean().default(false),
  hasInspectionCommittee: z.boolean().default(false),
  secrecy: z
    .union(
      CLEARANCES.map((c) => z.literal(c)),
      { error: 'Độ mật không hợp lệ' },
    )
    .default(0),
  validFrom: isoDate.nullable().default(null),
});
export type OrgCreate = z.input<typeof orgCreateSchema>;

export const orgUpdateSchema = z.object({
  name: name.optional(),
  kind: z.enum(ORG_KINDS, { error: 'Loại tổ chức không hợp lệ' }).optional(),
  hasCommittee: z.boolean().optional(),
  hasInspectionCommittee: z.boolean().optional(),
  secrecy: z
    .union(
      CLEARANCES.map((c) => z.literal(c)),
      { error: 'Độ mật không hợp lệ' },
    )
    .optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  /** Optimistic concurrency: the version the editor saw. */
  version: z.number({ error: 'Thiếu phiên bản bản ghi' }).int(),
});
export type OrgUpdate = z.input<typeof orgUpdateSchema>;
