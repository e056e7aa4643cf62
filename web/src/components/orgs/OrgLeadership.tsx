// The unit's committee (cấp ủy) or inspection committee (UBKT): members holding an open post of it.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Spin, Typography } from 'antd';
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
        <>
          {q.data.incomplete && (
            <Alert
              type="warning"
              showIcon
              title="Đơn vị có nhiều người giữ chức vụ; danh sách có thể chưa đầy đủ."
              style={{ marginBottom: 8 }}
            />
          )}
          <List<Holder>
            size="small"
            dataSource={q.data.holders}
            locale={{ emptyText: empty }}
            renderItem={(h) => (
              <List.Item key={h.post.id}>
                <List.Item.Meta
                  title={<Link to={`/dang-vien/${h.memberId}`}>{h.fullName}</Link>}
                  description={
                    <>
                      {h.post.title}
                      <Typography.Text type="secondary"> · từ {formatDate(h.post.fromDate)}</Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
