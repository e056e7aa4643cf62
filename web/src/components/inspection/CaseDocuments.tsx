// The documents of a case, shown on its page: each type the case's kind uses, with its number, latest
// revision and signed scan; generate or regenerate (a new revision keeps the number), download, and
// upload the signed scan (PDF or scanned image). Types not yet due say why.
import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Dropdown, Space, Table, Tag, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { type CaseDocument, type DocSlot, type DocType, MULTI_SESSION_TYPES } from '../../../../common/documents.ts';
import { errorMessage } from '../../api/client.ts';
import { documentsApi, documentsKey } from '../../api/documents.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';
import { hasPermission, useSession } from '../session.tsx';

export function CaseDocuments({ caseId }: { caseId: string }) {
  const me = useSession();
  const canWrite = hasPermission(me, 'inspection.write');
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const q = useQuery({ queryKey: documentsKey(caseId), queryFn: () => documentsApi.list(caseId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsKey(caseId) });

  const generate = useMutation({
    mutationFn: (v: { docType: DocType; newSession?: boolean }) => documentsApi.generate(caseId, v.docType, v.newSession),
    onSuccess: (d) => {
      setMessage({
        type: 'success',
        text: `Đã tạo: ${d.title}${d.numberText ? `, số ${d.numberText}` : ''} (lần ${d.revision}).`,
      });
      return refresh();
    },
    onError: (e) => setMessage({ type: 'error', text: errorMessage(e) }),
  });
  const sign = useMutation({
    mutationFn: ({ docId, file }: { docId: string; file: File }) => documentsApi.uploadSigned(docId, file, file.name),
    onSuccess: () => {
      setMessage({ type: 'success', text: 'Đã tải lên bản ký.' });
      return refresh();
    },
    onError: (e) => setMessage({ type: 'error', text: errorMessage(e) }),
  });

  const columns = [
    {
      title: 'Văn bản',
      key: 'label',
      render: (_: unknown, s: DocSlot) => (
        <Space orientation="vertical" size={0}>
          <strong>{s.label}</strong>
          {s.revisions[0] && <span>{s.revisions[0].title}</span>}
          {!s.available && s.reason && <span style={{ color: '#888' }}>{s.reason}</span>}
        </Space>
      ),
    },
    {
      title: 'Số',
      key: 'number',
      width: 150,
      render: (_: unknown, s: DocSlot) => {
        if (!s.numbered) return <Tag>Không đánh số</Tag>;
        const numbers = [...new Set(s.revisions.map((d) => d.numberText).filter(Boolean))];
        return numbers.length > 1 ? `${numbers[0]} (${numbers.length} buổi)` : (numbers[0] ?? '');
      },
    },
    {
      title: 'Lần tạo',
      key: 'revision',
      width: 170,
      render: (_: unknown, s: DocSlot) => {
        const d = s.revisions[0];
        return d ? `Lần ${d.revision} · ${formatDateTime(d.generatedAt)}` : 'Chưa tạo';
      },
    },
    {
      title: 'Bản ký',
      key: 'signed',
      width: 130,
      render: (_: unknown, s: DocSlot) => {
        const d = s.revisions[0];
        if (!d?.signed) return <Tag>Chưa có</Tag>;
        return (
          <Tooltip title={`${d.signed.fileName} · ${formatDateTime(d.signed.at)}`}>
            <Button size="small" href={documentsApi.signedPath(d.id)} data-testid={`doc-signed-download-${s.docType}`}>
              Tải bản ký
            </Button>
          </Tooltip>
        );
      },
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 340,
      render: (_: unknown, s: DocSlot) => actions(s),
    },
  ];

  function actions(slot: DocSlot) {
    const latest = slot.revisions[0];
    return (
      <Space wrap>
        {canWrite && (
          <Button
            type={latest ? 'default' : 'primary'}
            size="small"
            disabled={!slot.available}
            loading={generate.isPending && generate.variables?.docType === slot.docType && !generate.variables.newSession}
            onClick={() => generate.mutate({ docType: slot.docType })}
            data-testid={`doc-generate-${slot.docType}`}
          >
            {latest ? 'Tạo lại' : 'Tạo văn bản'}
          </Button>
        )}
        {canWrite && latest && MULTI_SESSION_TYPES.includes(slot.docType) && (
          <Tooltip title="Mỗi buổi làm việc có một biên bản, số riêng">
            <Button
              size="small"
              disabled={!slot.available}
              loading={generate.isPending && generate.variables?.docType === slot.docType && generate.variables.newSession === true}
              onClick={() => generate.mutate({ docType: slot.docType, newSession: true })}
              data-testid={`doc-generate-new-${slot.docType}`}
            >
              Buổi làm việc mới
            </Button>
          </Tooltip>
        )}
        {latest && <DownloadButton slot={slot} latest={latest} />}
        {canWrite && latest && (
          <Upload
            accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"
            showUploadList={false}
            beforeUpload={(file) => {
              sign.mutate({ docId: latest.id, file });
              return false;
            }}
          >
            <Button
              size="small"
              loading={sign.isPending && sign.variables?.docId === latest.id}
              data-testid={`doc-signed-upload-${slot.docType}`}
            >
              Tải lên bản ký
            </Button>
          </Upload>
        )}
      </Space>
    );
  }

  return (
    <Card title="Văn bản theo thể thức văn bản của Đảng" data-testid="case-documents">
      {message && (
        <Alert type={message.type} showIcon title={message.text} closable onClose={() => setMessage(null)} style={{ marginBottom: 12 }} />
      )}
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <Table<DocSlot>
          rowKey="docType"
          size="small"
          pagination={false}
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          columns={columns}
        />
      )}
    </Card>
  );
}

/** The latest revision downloads with one click; earlier ones stay reachable from the menu. */
function DownloadButton({ slot, latest }: { slot: DocSlot; latest: CaseDocument }) {
  const older = slot.revisions.slice(1);
  if (older.length === 0)
    return (
      <Button size="small" href={documentsApi.filePath(latest.id)} data-testid={`doc-download-${slot.docType}`}>
        Tải về
      </Button>
    );
  return (
    <Space.Compact>
      <Button size="small" href={documentsApi.filePath(latest.id)} data-testid={`doc-download-${slot.docType}`}>
        Tải về
      </Button>
      <Dropdown
        menu={{
          items: older.map((d) => ({
            key: d.id,
            label: (
              <a href={documentsApi.filePath(d.id)}>
                {d.numberText ? `Số ${d.numberText} · ` : ''}Lần {d.revision} · {formatDateTime(d.generatedAt)}
              </a>
            ),
          })),
        }}
      >
        <Button size="small" icon={<DownOutlined />} aria-label="Các lần tạo trước" data-testid={`doc-revisions-${slot.docType}`} />
      </Dropdown>
    </Space.Compact>
  );
}
