// The signed-in user's notifications: reminders before a deadline, on the day, overdue notices and
// escalations, newest first.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { NOTIFICATION_KIND_LABELS, type Notification, type NotificationKind } from '../../../common/notifications.ts';
import { errorMessage } from '../api/client.ts';
import { notificationsApi } from '../api/notifications.ts';
import { NOTIFICATIONS_KEY } from '../components/NotificationBell.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { formatDateTime } from '../i18n/format.ts';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', unreadOnly, page],
    queryFn: () => notificationsApi.list({ unreadOnly, page, pageSize: PAGE_SIZE }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <>
      <PageHeader
        title="Thông báo"
        description="Nhắc hạn trước khi đến hạn, vào ngày đến hạn, báo quá hạn và báo cáo lãnh đạo khi quá hạn. Hệ thống kiểm tra mỗi giờ."
        extra={
          <Space>
            <Switch
              checked={unreadOnly}
              onChange={(v) => {
                setUnreadOnly(v);
                setPage(1);
              }}
              checkedChildren="Chưa đọc"
              unCheckedChildren="Tất cả"
              aria-label="Chỉ thông báo chưa đọc"
            />
            <Button
              onClick={() => act(notificationsApi.markAllRead)}
              disabled={!q.data || q.data.unread === 0}
              data-testid="notifications-read-all"
            >
              Đánh dấu đã đọc tất cả
            </Button>
          </Space>
        }
      />
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <Card>
          <List<Notification>
            loading={q.isPending}
            dataSource={q.data?.items ?? []}
            locale={{ emptyText: unreadOnly ? 'Không có thông báo chưa đọc' : 'Chưa có thông báo' }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            data-testid="notifications-list"
            renderItem={(n) => (
              <List.Item
                style={{ background: n.readAt ? undefined : '#fff7e6' }}
                actions={[
                  n.link && (
                    <Link key="open" to={n.link} onClick={() => !n.readAt && void notificationsApi.markRead(n.id).then(refresh)}>
                      Xem
                    </Link>
                  ),
                  !n.readAt && (
                    <Button key="read" type="link" onClick={() => act(() => notificationsApi.markRead(n.id))}>
                      Đã đọc
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      <Tag
                        color={
                          n.kind.endsWith('escalation') || n.kind.endsWith('overdue') ? 'red' : n.kind.endsWith('due') ? 'orange' : 'blue'
                        }
                      >
                        {NOTIFICATION_KIND_LABELS[n.kind as NotificationKind] ?? n.kind}
                      </Tag>
                    </Space>
                  }
                  description={
                    <>
                      {n.body && <div>{n.body}</div>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
