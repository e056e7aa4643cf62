// Search organisations by name or code (diacritics ignored by the server); results replace the tree.
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ORG_KIND_LABELS, type Org } from '../../../common/orgs.ts';
import { errorMessage } from '../api/client.ts';
import { orgsApi } from '../api/orgs.ts';

export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

interface Props {
  onPick: (org: Org) => void;
  onSearchingChange: (searching: boolean) => void;
  selectedId: string | null;
}

export function OrgSearch({ onPick, onSearchingChange, selectedId }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const results = useQuery({
    queryKey: ['orgs', 'search', q],
    queryFn: ({ signal }) => orgsApi.search(q, signal),
    enabled: q.length > 0,
  });

  useEffect(() => onSearchingChange(q.length > 0), [q, onSearchingChange]);

  return (
    <>
      <Input
        prefix={<SearchOutlined />}
        placeholder="Tìm theo tên hoặc mã tổ chức"
        aria-label="Tìm tổ chức"
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="org-search"
      />
      {q.length > 0 && (
        <div style={{ marginTop: 12, maxHeight: 560, overflowY: 'auto' }} data-testid="org-search-results">
          {results.isPending ? (
            <Spin />
          ) : results.error ? (
            <Alert type="error" showIcon title={errorMessage(results.error)} />
          ) : results.data.items.length === 0 ? (
            <Typography.Text type="secondary">Không tìm thấy tổ chức nào khớp với «{q}».</Typography.Text>
          ) : (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {results.data.items.map((o) => (
                <li key={o.id}>
                  <Button
                    type={o.id === selectedId ? 'primary' : 'text'}
                    ghost={o.id === selectedId}
                    block
                    onClick={() => onPick(o)}
                    style={{ height: 'auto', textAlign: 'left', justifyContent: 'flex-start', whiteSpace: 'normal', padding: '6px 8px' }}
                  >
                    <span>
                      {o.name}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {ORG_KIND_LABELS[o.kind]} · mã {o.code}
                      </Typography.Text>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
