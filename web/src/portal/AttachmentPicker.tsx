// Choosing attachments: up to five files, each checked by type and size as soon as it is chosen, so a
// citizen sees which file is wrong (and why) before a long upload from a phone.
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useRef } from 'react';
import { PORTAL_ACCEPT, PORTAL_LIMITS } from '../../../common/portal-api.ts';
import { ACCEPT_LABEL, fileProblem, fileSize, filesProblem } from './format.ts';

/** True when the set cannot be sent as it is. */
export const attachmentsBlocked = (files: readonly File[]) => filesProblem(files) !== null || files.some((f) => fileProblem(f) !== null);

const sameFile = (a: File, b: File) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

interface Props {
  value: readonly File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  testId: string;
}

export function AttachmentPicker({ value, onChange, disabled, testId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const setProblem = filesProblem(value);

  const add = (list: FileList | null) => {
    const chosen = Array.from(list ?? []).filter((f) => !value.some((v) => sameFile(v, f)));
    onChange([...value, ...chosen]);
    // Lets the same file be chosen again after it was removed.
    if (input.current) input.current.value = '';
  };

  return (
    <div>
      <input
        ref={input}
        type="file"
        multiple
        accept={PORTAL_ACCEPT}
        style={{ display: 'none' }}
        onChange={(e) => add(e.target.files)}
        data-testid={`${testId}-input`}
      />
      <Button
        icon={<PaperClipOutlined />}
        size="large"
        onClick={() => input.current?.click()}
        disabled={disabled || value.length >= PORTAL_LIMITS.files}
        data-testid={`${testId}-choose`}
      >
        Chọn tệp đính kèm
      </Button>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
        Tối đa {PORTAL_LIMITS.files} tệp, mỗi tệp không quá {fileSize(PORTAL_LIMITS.fileBytes)}, tổng cộng không quá{' '}
        {fileSize(PORTAL_LIMITS.totalBytes)}. Nhận: {ACCEPT_LABEL}.
      </Typography.Paragraph>
      {value.length > 0 && (
        <ul data-testid={`${testId}-list`} style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
          {value.map((f, i) => {
            const problem = fileProblem(f);
            return (
              <li
                key={`${f.name}-${f.size}-${f.lastModified}`}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 8,
                  padding: '6px 8px',
                  marginBottom: 6,
                  borderRadius: 6,
                  border: `1px solid ${problem ? '#ffccc7' : '#f0f0f0'}`,
                  background: problem ? '#fff2f0' : '#fafafa',
                }}
              >
                <div style={{ flex: 1, minWidth: 0 }}>
                  <div style={{ overflowWrap: 'anywhere' }}>{f.name}</div>
                  <Typography.Text type={problem ? 'danger' : 'secondary'} style={{ fontSize: 13 }} data-testid={`${testId}-file-${i}`}>
                    {problem ?? fileSize(f.size)}
                  </Typography.Text>
                </div>
                <Button
                  type="text"
                  size="large"
                  icon={<DeleteOutlined />}
                  aria-label={`Bỏ tệp ${f.name}`}
                  disabled={disabled}
                  onClick={() => onChange(value.filter((v) => v !== f))}
                />
              </li>
            );
          })}
        </ul>
      )}
      {setProblem && <Alert type="error" showIcon title={setProblem} style={{ marginTop: 8 }} data-testid={`${testId}-problem`} />}
    </div>
  );
}
