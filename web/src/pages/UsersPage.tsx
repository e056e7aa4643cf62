// User administration: paged, searchable table; create, edit, reset password, reset 2FA.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CLEARANCE_LABELS, type Clearance, ROLE_LABELS } from '../../../common/roles.ts';
import type { User } from '../../../common/users.ts';
import { errorMessage } from '../api/client.ts';
import { usersApi } from '../api/users.ts';
import { OneTimeSecretModal } from '../components/OneTimeSecret.tsx';
import { useDebounced } from '../components/OrgSearch.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { UserFormModal } from '../components/UserFormModal.tsx';
import { UserRowActions } from '../components/UserRowActions.tsx';
import { formatNumber } from '../i18n/format.ts';

type Editing = { user: User | null } | null;

export function UsersPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);

  const list = useQuery({
    queryKey: ['users', q, page, pageSize],
    queryFn: () => usersApi.list(q, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const reloadEditing = async () => {
    if (!editing?.user) return;
    try {
      setEditing({ user: await usersApi.get(editing.user.id) });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title="Người dùng"
        description="Tài khoản, vai trò và phạm vi của cán bộ trong các tổ chức bạn quản trị."
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="user-add">
            Thêm người dùng
          </Button>
        }
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input
            prefix={<SearchOutlined />}
            placeholder="Tìm theo tên đăng nhập, họ tên"
            aria-label="Tìm người dùng"
            allowClear
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPage(1);
            }}
            style={{ width: 360 }}
            data-testid="user-search"
          />
        </Space>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
        <Table<User>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1060 }}
          tableLayout="fixed"
          data-testid="users-table"
          locale={{ emptyText: q ? 'Không tìm thấy người dùng phù hợp.' : 'Chưa có người dùng nào.' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `Tổng số ${formatNumber(total)} người dùng`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username', width: 130, render: (u: string) => <code>{u}</code> },
            { title: 'Họ và tên', dataIndex: 'fullName', width: 170 },
            {
              title: 'Vai trò',
              key: 'roles',
              width: 230,
              render: (_, u) => (
                <Space orientation="vertical" size={2}>
                  {u.roles.map((r) => (
                    <span key={`${r.role}:${r.orgId}`}>
                      <Tag color="blue">{ROLE_LABELS[r.role]}</Tag>
                      <Typography.Text type="secondary">{r.orgName}</Typography.Text>
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: 'Độ mật',
              dataIndex: 'clearance',
              width: 100,
              render: (c: number) => CLEARANCE_LABELS[c as Clearance] ?? c,
            },
            {
              title: 'Xác thực hai lớp',
              dataIndex: 'totpEnabled',
              width: 110,
              render: (on: boolean) => (on ? <Tag color="green">Đã bật</Tag> : <Tag>Chưa bật</Tag>),
            },
            {
              title: 'Trạng thái',
              dataIndex: 'disabled',
              width: 100,
              render: (d: boolean) => (d ? <Tag color="red">Đã khóa</Tag> : <Tag color="green">Hoạt động</Tag>),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              fixed: 'right',
              width: 220,
              render: (_, u) => (
                <UserRowActions
                  user={u}
                  onEdit={() => setEditing({ user: u })}
                  onPassword={(password) => setSecret({ username: u.username, password })}
                  onChanged={refresh}
                />
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <UserFormModal
          user={editing.user}
          onClose={() => setEditing(null)}
          onConflict={reloadEditing}
          onCreated={(u, password) => {
            setEditing(null);
            setSecret({ username: u.username, password });
            void refresh();
          }}
          onUpdated={(u) => {
            setEditing(null);
            message.success(`Đã lưu người dùng ${u.username}.`);
            void refresh();
          }}
        />
      )}
      <OneTimeSecretModal
        open={secret !== null}
        title={`Mật khẩu dùng một lần của ${secret?.username ?? ''}`}
        value={secret?.password ?? ''}
        testId="one-time-password"
        description="Hãy trao mật khẩu này cho người dùng theo cách an toàn (trực tiếp hoặc qua kênh bảo mật). Người dùng phải đặt mật khẩu mới ở lần đăng nhập đầu tiên. Sau khi đóng cửa sổ, mật khẩu sẽ không hiện lại."
        onClose={() => setSecret(null)}
      />
    </>
  );
}
