// The body that receives the letter, searched on the server as the citizen types (names only).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ORG_KIND_LABELS, type OrgKind } from '../../../common/orgs.ts';
import { errorMessage } from '../api/client.ts';
import { type PortalBody, portalApi } from '../api/portal.ts';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPicked?: (body: PortalBody | null) => void;
  id?: string;
  'data-testid'?: string;
}

/** The value once typing has paused, so each keystroke does not ask the server. */
function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const levelLabel = (level: string) => ORG_KIND_LABELS[level as OrgKind] ?? level;

export function BodySelect({ value, onChange, onPicked, id, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['portal-bodies', q],
    queryFn: ({ signal }) => portalApi.bodies(q, signal),
    staleTime: 5 * 60_000,
  });
  const [picked, setPicked] = useState<PortalBody | null>(null);

  const options = useMemo(() => {
    const list = [...(found.data?.items ?? [])];
    // The chosen body stays named even when a later search no longer lists it.
    if (picked && picked.id === value && !list.some((b) => b.id === picked.id)) list.unshift(picked);
    return list.map((b) => ({
      value: b.id,
      label: b.name,
      body: b,
      title: b.name,
    }));
  }, [found.data, picked, value]);

  return (
    <Select
      id={id}
      value={value}
      size="large"
      placeholder="Gõ tên xã, phường, tỉnh hoặc cơ quan để tìm"
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
          <div>{o.data.body.name}</div>
          <div style={{ fontSize: 13, color: '#8c8c8c' }}>{levelLabel(o.data.body.level)}</div>
        </div>
      )}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={found.isError ? errorMessage(found.error) : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy cơ quan nhận đơn'}
      onChange={(v: string | undefined, opt) => {
        const body = opt && !Array.isArray(opt) ? (opt as { body: PortalBody }).body : null;
        setPicked(body);
        onPicked?.(body);
        onChange?.(v);
      }}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
