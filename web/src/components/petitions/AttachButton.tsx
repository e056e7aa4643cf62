// Attach files to a letter: each chosen file is sent at once (the server checks what its bytes are, not
// its name) and a refusal shows in Vietnamese beside the button. Used by the register form and the letter.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { petitionsApi } from '../../api/petitions.ts';

/** What the browser offers in its file dialog; the server decides on the bytes. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.doc,.docx,.xls,.xlsx,.odt,.ods';
const MAX_BYTES = 20 * 1024 * 1024;

export function AttachButton({ petitionId, onUploaded }: { petitionId: string; onUploaded: (fileName: string) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(0);
  const send = async (file: File) => {
    if (file.size > MAX_BYTES) return void message.error(`Tệp ${file.name} quá lớn: tối đa 20 MB.`);
    setBusy((n) => n + 1);
    try {
      await petitionsApi.attach(petitionId, file);
      onUploaded(file.name);
    } catch (e) {
      message.error(`${file.name}: ${errorMessage(e)}`);
    } finally {
      setBusy((n) => n - 1);
    }
  };
  return (
    <Upload
      accept={ACCEPT}
      multiple
      showUploadList={false}
      beforeUpload={(f) => {
        void send(f);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy > 0} data-testid="petition-attach">
        Đính kèm tệp (PDF, ảnh quét, Word, Excel; tối đa 20 MB)
      </Button>
    </Upload>
  );
}
