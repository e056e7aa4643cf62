// The member's posts as a table, with "Thêm chức vụ" and "Kết thúc" (the last day of a post) for editors.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Modal, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { POST_CATEGORY_LABELS, type PostCategory, SENSITIVE_AREA_LABELS, type SensitiveArea } from '../../../../common/posts.ts';
import { errorMessage } from '../../api/client.ts';
import { type Member, type MemberPost, membersApi } from '../../api/members.ts';
import { dayToIso, VN_DATE_FORMATS } from '../dates.ts';
import { PostFormModal } from './PostFormModal.tsx';
import { periodText } from './timeline.ts';

interface Props {
  member: Member;
  canWrite: boolean;
  onSaved: (m: Member) => void;
}

export function PostsCard({ member, canWrite, onSaved }: Props) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<MemberPost | null>(null);
  const [endDate, setEndDate] = useState<Dayjs | null>(dayjs());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const endPost = async () => {
    if (!ending || !endDate) return setError('Nhập ngày kết thúc (dd/mm/yyyy).');
    setBusy(true);
    setError(null);
    try {
      onSaved(await membersApi.endPost(member.id, ending.id, dayToIso(endDate) ?? ''));
      message.success('Đã ghi ngày kết thúc chức vụ.');
      setEnding(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title="Chức vụ"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="post-add">
            Thêm chức vụ
          </Button>
        )
      }
    >
      <Table<MemberPost>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...member.posts].sort((a, b) => b.fromDate.localeCompare(a.fromDate))}
        scroll={{ x: 760 }}
        locale={{ emptyText: 'Chưa ghi nhận chức vụ nào.' }}
        data-testid="posts-table"
        columns={[
          { title: 'Chức vụ', dataIndex: 'title', width: 200 },
          { title: 'Loại', dataIndex: 'category', width: 140, render: (c: PostCategory) => POST_CATEGORY_LABELS[c] ?? c },
          { title: 'Tổ chức, đơn vị', key: 'org', width: 200, render: (_, p) => p.orgName ?? p.workplace ?? '—' },
          { title: 'Thời gian', key: 'period', width: 190, render: (_, p) => periodText({ date: p.fromDate, endDate: p.toDate }) },
          {
            title: 'Lĩnh vực nhạy cảm',
            dataIndex: 'sensitiveAreas',
            width: 200,
            render: (areas: string[]) =>
              areas.length ? (
                <Space size={[4, 4]} wrap>
                  {areas.map((a) => (
                    <Tag key={a} color="volcano">
                      {SENSITIVE_AREA_LABELS[a as SensitiveArea] ?? a}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '—'
              ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 110,
                  render: (_: unknown, p: MemberPost) =>
                    p.toDate === null && (
                      <Button size="small" onClick={() => setEnding(p)} data-testid="post-end">
                        Kết thúc
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <PostFormModal
          member={member}
          onClose={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            message.success('Đã thêm chức vụ.');
            onSaved(m);
          }}
        />
      )}
      <Modal
        open={ending !== null}
        title={`Kết thúc chức vụ: ${ending?.title ?? ''}`}
        okText="Lưu"
        cancelText="Hủy"
        onOk={endPost}
        onCancel={() => setEnding(null)}
        confirmLoading={busy}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <label htmlFor="post-end-date">Ngày cuối cùng giữ chức vụ</label>
        <div style={{ marginTop: 8 }}>
          <DatePicker id="post-end-date" format={VN_DATE_FORMATS} value={endDate} onChange={setEndDate} data-testid="post-end-date" />
        </div>
      </Modal>
    </Card>
  );
}
