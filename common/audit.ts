import { z } from 'zod';
import { CASE_AUDIT_LABELS } from './case-api.ts';
import { COVERAGE_AUDIT_LABELS } from './coverage.ts';
import { DISCIPLINE_AUDIT_LABELS } from './discipline-api.ts';
import { DISCIPLINE_COMPLAINT_AUDIT_LABELS } from './discipline-complaints.ts';
import { DISCIPLINE_DOCUMENT_AUDIT_LABELS } from './discipline-documents.ts';
import { DOCUMENTS_AUDIT_LABELS } from './documents.ts';
import { KEYS_AUDIT_LABELS } from './keys.ts';
import { NOTIFICATION_AUDIT_LABELS } from './notifications.ts';
import { PETITION_AUDIT_LABELS } from './petitions.ts';
import { PROGRAMME_AUDIT_LABELS } from './programmes.ts';
import { REMEDIATION_AUDIT_LABELS } from './remediation.ts';
import { SUPERVISION_AUDIT_LABELS } from './supervision.ts';

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
  'member.create': 'Thêm đảng viên',
  'member.update': 'Sửa hồ sơ đảng viên',
  'member.transfer': 'Chuyển sinh hoạt đảng',
  'member.post_add': 'Thêm chức vụ',
  'member.post_end': 'Kết thúc chức vụ',
  'member.relative_add': 'Thêm người thân',
  'member.relative_remove': 'Xóa người thân',
  'member.cccd_read': 'Xem số CCCD',
  'member.export': 'Xuất danh sách đảng viên',
  'member.merge': 'Gộp hồ sơ đảng viên',
  'import.members': 'Nhập đảng viên từ tệp',
  'import.orgs': 'Nhập tổ chức từ tệp',
  'import.posts': 'Nhập chức vụ từ tệp',
  'import.rejected': 'Tệp nhập bị từ chối',
  'org.close': 'Giải thể tổ chức',
  'org.merge': 'Sáp nhập tổ chức',
  'org.split': 'Chia tách tổ chức',
  'seed.demo': 'Nạp dữ liệu mẫu',
  'calendar.record': 'Ghi nhận lịch nghỉ chính thức',
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
  // Inspection and supervision (issue #4): each module keeps its own labels beside its schemas.
  ...PROGRAMME_AUDIT_LABELS,
  ...CASE_AUDIT_LABELS,
  ...DOCUMENTS_AUDIT_LABELS,
  ...COVERAGE_AUDIT_LABELS,
  ...REMEDIATION_AUDIT_LABELS,
  ...NOTIFICATION_AUDIT_LABELS,
  ...SUPERVISION_AUDIT_LABELS,
  // Discipline (issue #5).
  ...DISCIPLINE_AUDIT_LABELS,
  ...DISCIPLINE_DOCUMENT_AUDIT_LABELS,
  ...DISCIPLINE_COMPLAINT_AUDIT_LABELS,
  ...KEYS_AUDIT_LABELS,
  ...PETITION_AUDIT_LABELS,
};
