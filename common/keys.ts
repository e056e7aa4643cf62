// Data-key rotation (`ktgs keys rotate`): the label of its audit entry, merged into common/audit.ts by the lead.
export const KEYS_AUDIT_LABELS: Record<string, string> = {
  'keys.rotate': 'Mã hóa lại dữ liệu mật bằng khóa dữ liệu mới',
};
