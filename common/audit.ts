import { z } from 'zod';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  scopePath: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  beforeDigest: z.string().nullable(),
  afterDigest: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập không thành công',
  'auth.logout': 'Đăng xuất',
  'auth.logout_all': 'Đăng xuất mọi phiên',
  'auth.password_change': 'Đổi mật khẩu',
  'auth.totp_enrol_start': 'Bắt đầu đăng ký xác thực hai lớp',
  'auth.totp_enrol': 'Đăng ký xác thực hai lớp',
  'auth.login_refused_disabled': 'Đăng nhập bằng tài khoản đã khóa',
  'secret.read': 'Xem dữ liệu có độ mật',
  'auth.totp_verify': 'Xác thực hai lớp',
  'auth.recovery_code_used': 'Dùng mã khôi phục',
  'token.create': 'Tạo mã truy cập API',
  'token.revoke': 'Thu hồi mã truy cập API',
  'user.create': 'Tạo người dùng',
  'user.update': 'Sửa người dùng',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.reset_totp': 'Đặt lại xác thực hai lớp',
  'org.create': 'Tạo tổ chức',
  'org.update': 'Sửa tổ chức',
  'audit.verify': 'Kiểm tra chuỗi nhật ký',
  'system.bootstrap': 'Khởi tạo hệ thống',
  'backup.create': 'Sao lưu dữ liệu',
  'backup.restore': 'Khôi phục dữ liệu',
};
