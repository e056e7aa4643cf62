// The bell in the header: unread count (checked every minute) and a dropdown of the latest notices.
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../common/notifications.ts';
import { notificationsApi } from '../api/notifications.ts';
import { formatDateTime } from '../i18n/format.ts';
import { NOTIFICATIONS_PATH } from './navItems.tsx';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function NotificationBell() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'bell'],
    queryFn: () => notificationsApi.list({ pageSize: 8 }),
    refetchInterval: 60_000,
  });
  const unread = q.data?.unread ?? 0;
  const follow = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) {
      await notificationsApi.markRead(n.id).catch(() => undefined);
      void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    }
    if (n.link) navigate(n.link);
  };
  const content = (
    <div style={{ width: 380, maxWidth: '90vw' }} data-testid="notification-dropdown">
      {q.data && q.data.items.length > 0 ? (
        <List<Notification>
          size="small"
          dataSource={q.data.items}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer', background: n.readAt ? undefined : '#fff7e6' }} onClick={() => void follow(n)}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
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
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có thông báo" />
      )}
      <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
        <Button
          type="link"
          onClick={() => {
            setOpen(false);
            navigate(NOTIFICATIONS_PATH);
          }}
        >
          Xem tất cả
        </Button>
        {unread > 0 && (
          <Button
            type="link"
            onClick={async () => {
              await notificationsApi.markAllRead().catch(() => undefined);
              void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
            }}
          >
            Đánh dấu đã đọc tất cả
          </Button>
        )}
      </Space>
    </div>
  );
  return (
    <Popover content={content} title="Thông báo" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Button
        type="text"
        aria-label={unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'}
        data-testid="notification-bell"
        icon={
          <Badge
            count={
              unread > 0 ? (
                <span
                  data-testid="notification-count"
                  style={{ background: '#cf1322', color: '#fff', borderRadius: 10, padding: '0 6px', fontSize: 12, lineHeight: '18px' }}
                >
                  {unread > 99 ? '99+' : unread.toLocaleString('vi-VN')}
                </span>
              ) : (
                0
              )
            }
            offset={[4, -2]}
          >
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
