// Choose one party member by typing a name (diacritics optional) or a CCCD: server search, 20 at a time.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { membersApi } from '../../api/members.ts';
import { useDebounced } from '../OrgSearch.tsx';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
  id?: string;
}

export function MemberPicker({ value, onChange, placeholder = 'Gõ họ tên hoặc số CCCD', id, ...rest }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: ({ signal }) => membersApi.list({ q, page: 1, pageSize: 20 }, signal),
    enabled: q.length >= 2,
  });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={placeholder}
      loading={found.isFetching}
      notFoundContent={q.length < 2 ? 'Gõ ít nhất 2 ký tự' : 'Không tìm thấy'}
      options={(found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.fullName} — ${m.orgName}` }))}
      data-testid={rest['data-testid']}
      style={{ width: '100%' }}
    />
  );
}
