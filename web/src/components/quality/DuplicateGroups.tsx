// Suspected duplicate people, group by group with the reason, and "Gộp hồ sơ" for editors.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DuplicateGroup, QualityMember } from '../../../../common/quality.ts';
import { qualityApi } from '../../api/quality.ts';
import { formatDate } from '../../i18n/format.ts';
import { QueryError } from '../QueryState.tsx';
import { MergeMembersModal } from './MergeMembersModal.tsx';

export function DuplicateGroups({ orgId, canMerge }: { orgId: string; canMerge: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [merging, setMerging] = useState<QualityMember[] | null>(null);
  const q = useQuery({ queryKey: ['quality', 'duplicates', orgId], queryFn: () => qualityApi.duplicates(orgId) });
  if (q.isPending) return <Spin />;
  if (q.error) return <QueryError error={q.error} testId="duplicates-error" />;
  if (q.data.items.length === 0) return <Empty description="Không phát hiện hồ sơ nghi trùng." />;
  return (
    <>
      {q.data.truncated && (
        <Alert
          type="info"
          showIcon
          title="Chỉ hiện một phần các nhóm nghi trùng; hãy chọn đơn vị nhỏ hơn để xem hết."
          style={{ marginBottom: 12 }}
        />
      )}
      <List<DuplicateGroup>
        dataSource={q.data.items}
        data-testid="duplicate-groups"
        renderItem={(g, i) => (
          <Card
            key={`${g.reason}:${i}`}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <Space wrap>
                <Tag color={g.reason === 'relative_is_member' ? 'blue' : 'orange'}>{g.label}</Tag>
                {g.detail && <Typography.Text type="secondary">{g.detail}</Typography.Text>}
              </Space>
            }
            extra={
              canMerge &&
              g.reason !== 'relative_is_member' &&
              g.members.length >= 2 && (
                <Button size="small" onClick={() => setMerging(g.members)} data-testid="duplicate-merge">
                  Gộp hồ sơ
                </Button>
              )
            }
          >
            {g.members.map((m) => (
              <div key={m.id}>
                <Link to={`/dang-vien/${m.id}`}>{m.fullName}</Link>
                <Typography.Text type="secondary">
                  {' '}
                  · {m.birthDate ? formatDate(m.birthDate) : 'chưa có ngày sinh'} · CCCD {m.cccdMasked ?? 'chưa có'} · {m.orgName}
                </Typography.Text>
              </div>
            ))}
          </Card>
        )}
      />
      {merging && (
        <MergeMembersModal
          members={merging}
          onClose={() => setMerging(null)}
          onMerged={(kept) => {
            setMerging(null);
            message.success(`Đã gộp hồ sơ vào hồ sơ của ${kept.fullName}.`);
            for (const queryKey of [['quality'], ['members'], ['member']]) void queryClient.invalidateQueries({ queryKey });
          }}
        />
      )}
    </>
  );
}
