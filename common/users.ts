import { z } from 'zod';
import { clearanceSchema, roleAssignmentSchema } from './auth.ts';
import { ROLES } from './roles.ts';

export const usernameSchema = z
  .string({ error: 'Tên đăng nhập là bắt buộc' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,50}$/, 'Tên đăng nhập gồm 3–50 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới');

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  clearance: z.number().int(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.uuid(), orgName: z.string(), orgPath: z.string() })),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.object({
  username: usernameSchema,
  fullName: z.string({ error: 'Họ và tên là bắt buộc' }).trim().min(2, 'Họ và tên phải có ít nhất 2 ký tự').max(200),
  email: z.email({ error: 'Thư điện tử không hợp lệ' }).nullable().default(null),
  clearance: clearanceSchema.default(0),
  roles: z.array(roleAssignmentSchema).min(1, 'Cần gán ít nhất một vai trò'),
});
export type UserCreate = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  fullName: z.string().trim().min(2, 'Họ và tên phải có ít nhất 2 ký tự').max(200).optional(),
  email: z.email({ error: 'Thư điện tử không hợp lệ' }).nullable().optional(),
  clearance: clearanceSchema.optional(),
  disabled: z.boolean().optional(),
  roles: z.array(roleAssignmentSchema).min(1, 'Cần gán ít nhất một vai trò').optional(),
  version: z.number({ error: 'Thiếu phiên bản bản ghi' }).int(),
});
export type UserUpdate = z.input<typeof userUpdateSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
