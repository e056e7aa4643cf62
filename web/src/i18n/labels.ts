// Display names of audit entity types. Types not listed show their code, so nothing is hidden.
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  user: 'Người dùng',
  org: 'Tổ chức',
  org_unit: 'Tổ chức',
  token: 'Mã truy cập API',
  api_token: 'Mã truy cập API',
  session: 'Phiên đăng nhập',
  audit: 'Nhật ký',
  backup: 'Bản sao lưu',
};
