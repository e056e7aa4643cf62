// Chuyển đơn: a letter outside the body's authority goes to the competent body with a numbered forwarding
// letter in the Party's format (DOCX), signed for the receiving body; the sender is told.
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { formatDate } from '../../i18n/format.ts';
import { reportSaveError } from '../formErrors.ts';
import { useSession } from '../session.tsx';

interface Signer {
  signerName: string;
  signerTitle: string;
}

export function ForwardCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Signer>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const f = p.forward;
  const target = f?.orgName ?? p.screening?.result.forwardTo?.name ?? '';
  const generate = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await petitionsApi.generateForwardingLetter(p.id, { ...v, version: p.version });
      onChanged('Đã tạo văn bản chuyển đơn.');
    } catch (e) {
      reportSaveError(e, form, setError, () => onChanged());
    } finally {
      setBusy(false);
    }
  };
  const get = async () => {
    try {
      await petitionsApi.downloadForwardingLetter(p.id, p.code);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card title="Chuyển đơn đến cấp có thẩm quyền" data-testid="petition-forward">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Chuyển đến">{target || 'Chưa xác định'}</Descriptions.Item>
        {f?.forwardedOn && <Descriptions.Item label="Ngày chuyển">{formatDate(f.forwardedOn)}</Descriptions.Item>}
        {f?.numberText && (
          <Descriptions.Item label="Văn bản">
            <span data-testid="petition-forward-number">Số {f.numberText}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {f?.fileId && (
        <Button icon={<DownloadOutlined />} onClick={get} data-testid="petition-forward-download">
          Tải văn bản chuyển đơn
        </Button>
      )}
      {canWrite && (
        <Form<Signer>
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ signerName: me.user.fullName, signerTitle: 'Chủ nhiệm' }}
        >
          <Form.Item name="signerName" rules={[{ required: true, min: 3, message: 'Nhập họ tên người ký' }]}>
            <Input placeholder="Người ký" aria-label="Người ký" maxLength={200} data-testid="petition-forward-signer" />
          </Form.Item>
          <Form.Item name="signerTitle" rules={[{ required: true, min: 3, message: 'Nhập chức vụ người ký' }]}>
            <Input placeholder="Chức vụ người ký" aria-label="Chức vụ người ký" maxLength={200} />
          </Form.Item>
          <Form.Item>
            <Button icon={<FileWordOutlined />} loading={busy} onClick={generate} data-testid="petition-forward-generate">
              {f?.fileId ? 'Tạo lại văn bản' : 'Tạo văn bản chuyển đơn'}
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
