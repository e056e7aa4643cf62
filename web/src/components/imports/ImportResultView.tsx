// What an upload did: applied, rejected (nothing written) or unchanged, with counts; for a rejected
// file the errors row by row and the downloadable report with an error column.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Result, Space, Statistic, Table } from 'antd';
import { download, errorMessage } from '../../api/client.ts';
import { type ImportResult, type ImportRowError, importsApi } from '../../api/imports.ts';
import { formatNumber } from '../../i18n/format.ts';

/** The server writes "Dòng 3, cột "Ngày sinh": …" so a message reads alone; the table has those columns. */
const bareMessage = (m: string) => {
  const bare = m.replace(/^Dòng \d+(, cột "[^"]*")?: /, '');
  return bare.charAt(0).toLocaleUpperCase('vi') + bare.slice(1);
};

const TITLES = {
  applied: { status: 'success', title: 'Đã nhập dữ liệu' },
  unchanged: { status: 'info', title: 'Không có gì thay đổi: dữ liệu trong tệp đã có sẵn' },
  rejected: { status: 'error', title: 'Tệp bị từ chối: chưa ghi dòng nào' },
} as const;

export function ImportResultView({ result }: { result: ImportResult }) {
  const { message } = App.useApp();
  const t = TITLES[result.status];
  const errorCount = result.errorCount ?? result.errors.length;
  const report = async () => {
    try {
      await download(importsApi.reportPath(result.id), 'bao-cao-loi-nhap-du-lieu.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div data-testid="import-result" data-status={result.status}>
      <Result
        status={t.status}
        title={t.title}
        subTitle={
          result.status === 'rejected'
            ? `Có ${formatNumber(errorCount)} lỗi trong ${formatNumber(result.rowsTotal)} dòng${errorCount > result.errors.length ? ` (dưới đây là ${formatNumber(result.errors.length)} lỗi đầu; báo cáo lỗi có đủ)` : ''}. Sửa trong tệp rồi tải lên lại; việc nhập là tất cả hoặc không dòng nào.`
            : `Tệp có ${formatNumber(result.rowsTotal)} dòng.`
        }
        style={{ padding: '16px 0' }}
        extra={
          result.status === 'rejected' && (
            <Button icon={<DownloadOutlined />} onClick={report} data-testid="import-report">
              Tải báo cáo lỗi
            </Button>
          )
        }
      />
      {result.status !== 'rejected' && (
        <Space size={48} wrap style={{ justifyContent: 'center', width: '100%', marginBottom: 16 }}>
          <Statistic title="Thêm mới" value={formatNumber(result.created)} data-testid="import-created" />
          <Statistic title="Cập nhật" value={formatNumber(result.updated)} />
          <Statistic title="Không đổi" value={formatNumber(result.unchanged)} />
        </Space>
      )}
      {result.errors.length > 0 && (
        <Table<ImportRowError>
          rowKey={(e, i) => `${e.row}:${e.field}:${i}`}
          size="small"
          dataSource={result.errors}
          pagination={result.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          data-testid="import-errors"
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 80 },
            { title: 'Cột', dataIndex: 'field', width: 200, render: (f: string) => f || '(cả dòng)' },
            { title: 'Lỗi', dataIndex: 'message', render: bareMessage },
          ]}
        />
      )}
    </div>
  );
}
