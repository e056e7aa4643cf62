// The modules of the mission, in the order of the navigation. `ready` is true once a module is built;
// the web shell says plainly which are not built yet rather than showing invented data.

export interface ModuleInfo {
  key: string;
  path: string;
  label: string;
  description: string;
  ready: boolean;
}

export const MODULES: readonly ModuleInfo[] = [
  {
    key: 'registry',
    path: '/to-chuc',
    label: 'Tổ chức và đảng viên',
    description: 'Cây tổ chức đảng, đảng viên, chức vụ và lịch sử.',
    ready: true,
  },
  {
    key: 'inspection',
    path: '/kiem-tra-giam-sat',
    label: 'Kiểm tra, giám sát',
    description: 'Chương trình, kế hoạch, cuộc kiểm tra, giám sát theo các bước, văn bản, khắc phục.',
    ready: true,
  },
  { key: 'discipline', path: '/ky-luat', label: 'Kỷ luật', description: 'Xem xét, thi hành kỷ luật; khiếu nại kỷ luật.', ready: true },
  {
    key: 'petitions',
    path: '/don-thu',
    label: 'Đơn thư',
    description: 'Tiếp nhận, phân loại, xử lý tố cáo, khiếu nại, kiến nghị, phản ánh.',
    ready: true,
  },
  {
    key: 'declarations',
    path: '/ke-khai',
    label: 'Kê khai tài sản, thu nhập',
    description: 'Kiểm tra bản kê khai, chọn xác minh.',
    ready: false,
  },
  {
    key: 'warnings',
    path: '/canh-bao',
    label: 'Cảnh báo sớm',
    description: 'Cảnh báo từ dữ liệu, chấm điểm rủi ro, đối chiếu chéo.',
    ready: false,
  },
  {
    key: 'reports',
    path: '/bao-cao',
    label: 'Báo cáo, thống kê',
    description: 'Bảng điều hành, báo cáo định kỳ theo biểu mẫu.',
    ready: false,
  },
];
