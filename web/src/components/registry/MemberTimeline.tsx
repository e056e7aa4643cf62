// The member's history on one line, newest first: whatever typed events the adapters give.
import { ApartmentOutlined, IdcardOutlined } from '@ant-design/icons';
import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { orderTimeline, periodText, type TimelineEvent, type TimelineKind } from './timeline.ts';

const KIND: Record<TimelineKind, { color: string; label: string; icon?: ReactNode }> = {
  post: { color: 'blue', label: 'Chức vụ', icon: <IdcardOutlined /> },
  transfer: { color: 'green', label: 'Sinh hoạt đảng', icon: <ApartmentOutlined /> },
  inspection: { color: 'orange', label: 'Kiểm tra, giám sát' },
  discipline: { color: 'red', label: 'Kỷ luật' },
  petition: { color: 'purple', label: 'Đơn thư' },
  other: { color: 'gray', label: 'Khác' },
};

export function MemberTimeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <Empty description="Chưa có sự kiện nào trong quá trình công tác và sinh hoạt đảng." />;
  return (
    <Timeline
      data-testid="member-timeline"
      items={orderTimeline(events).map((e) => {
        const k = KIND[e.kind];
        return {
          key: e.key,
          color: k.color,
          icon: k.icon,
          title: (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {periodText(e)}
            </Typography.Text>
          ),
          content: (
            <div data-testid={`timeline-${e.kind}`}>
              <Space size={4} wrap>
                <Typography.Text strong>{e.href ? <Link to={e.href}>{e.title}</Link> : e.title}</Typography.Text>
                <Tag>{k.label}</Tag>
              </Space>
              {e.lines?.map((l) => (
                <div key={l}>
                  <Typography.Text type="secondary">{l}</Typography.Text>
                </div>
              ))}
              {e.tags && e.tags.length > 0 && (
                <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                  {e.tags.map((t) => (
                    <Tag key={t.label} color={t.color}>
                      {t.label}
                    </Tag>
                  ))}
                </Space>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
