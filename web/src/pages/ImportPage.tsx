// Nhập dữ liệu: choose what to import, download the template, upload an XLSX or CSV file; the server
// checks every row and writes all or nothing. The result and the recent runs follow.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Radio, Space, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { download, errorMessage } from '../api/client.ts';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind, type ImportResult, importsApi } from '../api/imports.ts';
import { ImportResultView } from '../components/imports/ImportResultView.tsx';
import { ImportRunsTable } from '../components/imports/ImportRunsTable.tsx';
import { PageHeader } from '../components/PageHeader.tsx';

const MAX_BYTES = 20 * 1024 * 1024;
const HINTS: Record<ImportKind, string> = {
  members: 'Mỗi dòng một đảng viên; cột "Mã chi bộ" là mã của chi bộ nơi đảng viên sinh hoạt.',
  orgs: 'Mỗi dòng một tổ chức đảng; cột "Mã tổ chức cấp trên" là mã của tổ chức đã có hoặc của một dòng khác trong tệp.',
  posts: 'Mỗi dòng một chức vụ của một đảng viên, tìm theo số CCCD hoặc số thẻ đảng viên.',
};

export function ImportPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('members');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ fileName: string; result: ImportResult } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const template = async () => {
    try {
      await download(importsApi.templatePath(kind), `mau-nhap-${kind}.xlsx`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const send = async (file: File) => {
    setError(null);
    setResult(null);
    if (!/\.(xlsx|csv)$/i.test(file.name)) return setError('Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).');
    if (file.size > MAX_BYTES) return setError('Tệp lớn hơn 20 MB. Hãy chia thành nhiều tệp nhỏ hơn.');
    setBusy(true);
    try {
      const r = await importsApi.upload(kind, file, file.name);
      setResult({ fileName: file.name, result: r });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'runs'] });
      if (r.status === 'applied') void queryClient.invalidateQueries({ queryKey: kind === 'orgs' ? ['orgs'] : ['members'] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Nhập dữ liệu"
        description="Nhập đảng viên, tổ chức đảng hoặc chức vụ từ tệp Excel theo mẫu. Mọi dòng đều được kiểm tra; chỉ cần một dòng sai thì không dòng nào được ghi, và bạn nhận được báo cáo lỗi từng dòng."
      />
      <Card title="1. Chọn loại dữ liệu và tải tệp mẫu" style={{ marginBottom: 16 }}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setResult(null);
              setError(null);
            }}
            optionType="button"
            buttonStyle="solid"
            options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
            aria-label="Loại dữ liệu cần nhập"
            data-testid="import-kind"
          />
          <Typography.Text type="secondary">{HINTS[kind]}</Typography.Text>
          <div>
            <Button icon={<DownloadOutlined />} onClick={template} data-testid="import-template">
              Tải tệp mẫu ({IMPORT_KIND_LABELS[kind]})
            </Button>
          </div>
        </Space>
      </Card>
      <Card title="2. Tải tệp lên" style={{ marginBottom: 16 }}>
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void send(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">Bấm để chọn tệp, hoặc kéo thả tệp vào đây</p>
            <p className="ant-upload-hint">Tệp Excel (.xlsx) hoặc CSV (.csv), tối đa 20 MB, dòng đầu là tiêu đề cột như tệp mẫu.</p>
          </Upload.Dragger>
        </div>
        {busy && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Spin description="Đang kiểm tra và nhập dữ liệu…" />
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} role="alert" data-testid="import-error" />}
        {result && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              Tệp «{result.fileName}» — {IMPORT_KIND_LABELS[kind]}
            </Typography.Text>
            <ImportResultView result={result.result} />
          </div>
        )}
      </Card>
      <Card title="Các lần nhập gần đây">
        <ImportRunsTable />
      </Card>
    </>
  );
}
