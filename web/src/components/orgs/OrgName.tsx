// An organisation's name from its id (cached with the other ['org', id] queries).
import { useQuery } from '@tanstack/react-query';
import { orgsApi } from '../../api/orgs.ts';

export function OrgName({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['org', id], queryFn: () => orgsApi.get(id), staleTime: 60_000 });
  return <span>{q.data ? `${q.data.name} (mã ${q.data.code})` : q.isPending ? '…' : 'Không xem được tổ chức này'}</span>;
}
