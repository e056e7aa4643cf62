import { z } from 'zod';
import { CLEARANCES, ROLES } from './roles.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const loginSchema = z.object({
  username: z.string({ error: 'Tên đăng nhập là bắt buộc' }).trim().min(1, 'Tên đăng nhập là bắt buộc').max(100),
  password: z.string({ error: 'Mật khẩu là bắt buộc' }).min(1, 'Mật khẩu là bắt buộc').max(1024),
});

/** What a session still lacks before it can use the application. */
export const SESSION_STAGES = ['password_change', 'totp_enrol', 'totp', 'full'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const roleAssignmentSchema = z.object({
  role: z.enum(ROLES, { error: 'Vai trò không hợp lệ' }),
  orgId: z.uuid({ error: 'Tổ chức không hợp lệ' }),
});
export type RoleAssignmentInput = z.infer<typeof roleAssignmentSchema>;

export const meSchema = z.object({
  stage: z.enum(SESSION_STAGES),
  csrfToken: z.string(),
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    clearance: z.number().int(),
    totpEnabled: z.boolean(),
    totpRequired: z.boolean(),
    roles: z.array(z.object({ role: z.enum(ROLES), orgId: z.uuid(), orgName: z.string(), orgPath: z.string() })),
    permissions: z.array(z.string()),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const totpCodeSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số')
      .optional(),
    recoveryCode: z.string().trim().min(8, 'Mã khôi phục không hợp lệ').max(40).optional(),
  })
  .refine((v) => v.code !== undefined || v.recoveryCode !== undefined, {
    message: 'Nhập mã xác thực 6 chữ số hoặc một mã khôi phục',
    path: ['code'],
  });

export const totpEnrolStartSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrDataUrl: z.string(),
});
export const totpEnrolConfirmSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số'),
});

export const passwordChangeSchema = z.object({
  currentPassword: z.string({ error: 'Mật khẩu hiện tại là bắt buộc' }).min(1, 'Mật khẩu hiện tại là bắt buộc').max(1024),
  newPassword: z
    .string({ error: 'Mật khẩu mới là bắt buộc' })
    .min(PASSWORD_MIN_LENGTH, `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
    .max(1024, 'Mật khẩu mới quá dài'),
});

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const tokenCreateSchema = z.object({
  name: z.string({ error: 'Tên mã truy cập là bắt buộc' }).trim().min(2, 'Tên mã truy cập phải có ít nhất 2 ký tự').max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: 'Phạm vi mã truy cập không hợp lệ' })).min(1, 'Chọn ít nhất một phạm vi'),
  expiresInDays: z
    .number({ error: 'Số ngày hiệu lực không hợp lệ' })
    .int()
    .min(1, 'Hiệu lực ít nhất 1 ngày')
    .max(365, 'Hiệu lực tối đa 365 ngày'),
});
export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const clearanceSchema = z.union(
  CLEARANCES.map((c) => z.literal(c)),
  { error: 'Độ mật không hợp lệ' },
);
