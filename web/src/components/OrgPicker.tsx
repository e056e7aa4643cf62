// Choose one organisation: the caller's roots at first, then server search as the user types.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { ORG_KIND_LABELS, type Org } from '../../../common/orgs.ts';
import { orgsApi } from '../api/orgs.ts';
import { useDebounced } from './OrgSearch.tsx';

interface Props {
  value?: string;
  onChange?: (id: string) => void;
  /** Names of organisations already chosen (editing a user), so the field shows a name, not an id. */
  known?: { id: string; name: string }[];
  'data-testid'?: string;
  id?: string;
}

const label = (o: Org) => (o.name === ORG_KIND_LABELS[o.kind] ? o.name : `${o.name} (${ORG_KIND_LABELS[o.kind]})`);

export function OrgPicker({ value, onChange, known = [], id, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: orgsApi.roots, staleTime: 60_000 });
  const found = useQuery({
    queryKey: ['orgs', 'search', q],
    queryFn: ({ signal }) => orgsApi.search(q, signal),
    enabled: q.length > 0,
  });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);

  const options = useMemo(() => {
    const list = (q.length > 0 ? found.data?.items : roots.data?.items) ?? [];
    const opts = list.map((o) => ({ value: o.id, label: label(o) }));
    // Keep the current value's label visible even when it is not in the latest result list.
    const current = picked?.value === value ? picked : known.find((k) => k.id === value);
    if (value && current && !opts.some((o) => o.value === value)) {
      opts.unshift({ value, label: 'label' in current ? current.label : current.name });
    }
    return opts;
  }, [q, found.data, roots.data, value, picked, known]);

  return (
    <Select
      id={id}
      value={value}
      placeholder="Gõ tên hoặc mã tổ chức để tìm"
      options={options}
      loading={roots.isPending || found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={q.length > 0 && !found.isFetching ? 'Không tìm thấy tổ chức' : null}
      onChange={(v: string, opt) => {
        if (opt && !Array.isArray(opt)) setPicked({ value: v, label: String(opt.label) });
        onChange?.(v);
      }}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
