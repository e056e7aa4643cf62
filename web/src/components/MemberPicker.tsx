// Choose one party member from the registry by typing a name (diacritics optional) or a CCCD: server
// search, 20 at a time. A value set earlier (an item being edited) shows its known name.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { membersApi } from '../api/members.ts';
import { useDebounced } from './OrgSearch.tsx';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** The name to show for a value chosen earlier, which the latest search may not list. */
  knownName?: string;
  placeholder?: string;
  'data-testid'?: string;
  id?: string;
}

export function MemberPicker({ value, onChange, knownName, placeholder = 'Gõ họ tên hoặc số CCCD', id, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: ({ signal }) => membersApi.list({ q, page: 1, pageSize: 20 }, signal),
    enabled: q.length >= 2,
  });
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const options = useMemo(() => {
    const opts = (found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.orgName}` }));
    const current = picked?.value === value ? picked : value && knownName ? { value, label: knownName } : null;
    if (value && current && !opts.some((o) => o.value === value)) opts.unshift(current);
    return opts;
  }, [found.data, value, picked, knownName]);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      placeholder={placeholder}
      options={options}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={q.length < 2 ? 'Gõ ít nhất 2 ký tự' : found.isFetching ? null : 'Không tìm thấy đảng viên'}
      onChange={(v: string | undefined, opt) => {
        if (v !== undefined && opt && !Array.isArray(opt)) setPicked({ value: v, label: String(opt.label) });
        onChange?.(v);
      }}
      allowClear
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label="Đảng viên"
    />
  );
}
