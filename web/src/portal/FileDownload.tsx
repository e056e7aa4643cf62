// One attachment of a followed letter: saved through the code and the secret, never opened in the page.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { type PortalCredentials, portalApi } from '../api/portal.ts';
import { fileSize } from './format.ts';

export interface PortalFile {
  id: string;
  fileName: string;
  size: number;
}

export function FileDownload({ file, creds }: { file: PortalFile; creds: PortalCredentials }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await portalApi.download(file.id, creds, file.fileName);
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setBusy(false);
        }
      }}
      style={{ height: 'auto', minHeight: 40, whiteSpace: 'normal', textAlign: 'left', maxWidth: '100%' }}
      data-testid={`portal-file-${file.id}`}
    >
      <span style={{ overflowWrap: 'anywhere' }}>
        {file.fileName} <span style={{ color: '#8c8c8c' }}>({fileSize(file.size)})</span>
      </span>
    </Button>
  );
}
