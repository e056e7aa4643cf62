// Choose one party member from the registry: server search as the user types (diacritics ignored).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { membersApi } from '../../api/members.ts';
import { useDebounced } from '../OrgSearch.tsx';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The name to show for a value chosen earlier (an item being edited). */
  knownName?: string;
  'data-testid'?: string;
  id?: string;
}

export function MemberPicker({ value, onChange, knownName, id, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: () => membersApi.list({ q, page: 1, pageSize: 20 }),
    enabled: q.length > 1,
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
      placeholder="Gõ họ tên đảng viên để tìm"
      options={options}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={q.length > 1 && !found.isFetching ? 'Không tìm thấy đảng viên' : null}
      onChange={(v: string | undefined, opt) => {
        if (v !== undefined && opt && !Array.isArray(opt)) setPicked({ value: v, label: String(opt.label) });
        onChange?.(v ?? null);
      }}
      allowClear
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
      aria-label="Đảng viên"
    />
  );
}
