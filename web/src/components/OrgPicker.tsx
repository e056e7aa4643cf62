// Choose one organisation: the caller's roots at first, then server search as the user types.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { ORG_KIND_LABELS, type Org } from '../../../common/orgs.ts';
import { orgsApi } from '../api/orgs.ts';
import { useDebounced } from './OrgSearch.tsx';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Shows a clear button; clearing calls onChange(undefined). */
  allowClear?: boolean;
  placeholder?: string;
  /** Leaves these out of the choices (the unit itself, when choosing a successor). */
  exclude?: string[];
  /** Names of organisations already chosen (editing a user), so the field shows a name, not an id. */
  known?: { id: string; name: string }[];
  'data-testid'?: string;
  'aria-label'?: string;
  id?: string;
}

const label = (o: Org) => (o.name === ORG_KIND_LABELS[o.kind] ? o.name : `${o.name} (${ORG_KIND_LABELS[o.kind]})`);

export function OrgPicker({ value, onChange, known = [], id, allowClear, placeholder, exclude = [], ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: orgsApi.roots, staleTime: 60_000 });
  const found = useQuery({
    queryKey: ['orgs', 'search', q],
    queryFn: ({ signal }) => orgsApi.search(q, signal),
    enabled: q.length > 0,
  });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  // A value set from outside (an address, a default) is named by asking the server once.
  const needName = !!value && picked?.value !== value && !known.some((k) => k.id === value);
  const named = useQuery({
    queryKey: ['org', value],
    queryFn: () => orgsApi.get(value as string),
    enabled: needName,
    staleTime: 60_000,
  });

  const options = useMemo(() => {
    const list = (q.length > 0 ? found.data?.items : roots.data?.items) ?? [];
    const opts = list.filter((o) => !exclude.includes(o.id)).map((o) => ({ value: o.id, label: label(o) }));
    // Keep the current value's label visible even when it is not in the latest result list.
    const fetched = named.data && named.data.id === value ? { id: value, name: label(named.data) } : undefined;
    const current = picked?.value === value ? picked : (known.find((k) => k.id === value) ?? fetched);
    if (value && current && !opts.some((o) => o.value === value)) {
      opts.unshift({ value, label: 'label' in current ? current.label : current.name });
    }
    return opts;
  }, [q, found.data, roots.data, value, picked, known, named.data, exclude]);

  return (
    <Select
      id={id}
      value={value}
      placeholder={placeholder ?? 'Gõ tên hoặc mã tổ chức để tìm'}
      allowClear={allowClear}
      options={options}
      loading={roots.isPending || found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={q.length > 0 && !found.isFetching ? 'Không tìm thấy tổ chức' : null}
      onChange={(v: string | undefined, opt) => {
        if (v !== undefined && opt && !Array.isArray(opt)) setPicked({ value: v, label: String(opt.label) });
        onChange?.(v);
      }}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
    />
  );
}
