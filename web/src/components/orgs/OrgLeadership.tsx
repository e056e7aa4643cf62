// The unit's committee (cấp ủy) or inspection committee (UBKT): members holding an open post of it.
import { useQuery } from '@tanstack/react-query';
import { Card, List, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { type Holder, leadershipOf } from '../../api/leadership.ts';
import { formatDate } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';

interface Props {
  orgId: string;
  title: string;
  codes: readonly string[];
  empty: string;
  testId: string;
}

export function OrgLeadership({ orgId, title, codes, empty, testId }: Props) {
  const q = useQuery({ queryKey: ['leadership', orgId, codes], queryFn: () => leadershipOf(orgId, codes), staleTime: 30_000 });
  return (
    <Card title={title} size="small" data-testid={testId}>
      {q.isPending ? (
        <Spin />
      ) : q.error ? (
        <QueryError error={q.error} />
      ) : (
        <List<Holder>
          size="small"
          dataSource={q.data}
          locale={{ emptyText: empty }}
          renderItem={(h) => (
            <List.Item key={h.postId}>
              <List.Item.Meta
                title={<Link to={`/dang-vien/${h.memberId}`}>{h.fullName}</Link>}
                description={
                  <>
                    {h.title}
                    <Typography.Text type="secondary"> · từ {formatDate(h.fromDate)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
