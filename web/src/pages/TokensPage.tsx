// The user's own API tokens for integrations: list, create (shown once), revoke.
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { authApi, type Token } from '../api/auth.ts';
import { errorMessage } from '../api/client.ts';
import { OneTimeSecretModal } from '../components/OneTimeSecret.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { TokenCreateModal } from '../components/TokenCreateModal.tsx';
import { formatDate, formatDateTime } from '../i18n/format.ts';

const SCOPE_LABELS: Record<string, string> = { read: 'Đọc', write: 'Ghi' };
const KEY = ['tokens'];

function tokenState(t: Token) {
  if (t.revokedAt) return <Tag>Đã thu hồi</Tag>;
  if (new Date(t.expiresAt).getTime() < Date.now()) return <Tag color="orange">Hết hạn</Tag>;
  return <Tag color="green">Đang hiệu lực</Tag>;
}

export function TokensPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: KEY, queryFn: authApi.listTokens });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: authApi.revokeToken,
    onSuccess: () => {
      message.success('Đã thu hồi mã truy cập.');
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: (e) => message.error(errorMessage(e)),
  });

  return (
    <>
      <PageHeader
        title="Mã truy cập API"
        description="Dùng cho phần mềm khác kết nối với KTGS thay cho mật khẩu. Mã có quyền như chính tài khoản của bạn trong phạm vi đã chọn."
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            Tạo mã truy cập
          </Button>
        }
      />
      {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 16 }} />}
      <Card>
        <Table<Token>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: 'Chưa có mã truy cập nào.' }}
          data-testid="tokens-table"
          columns={[
            { title: 'Tên', dataIndex: 'name' },
            { title: 'Tiền tố', dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
            {
              title: 'Phạm vi',
              dataIndex: 'scopes',
              render: (s: string[]) => s.map((x) => <Tag key={x}>{SCOPE_LABELS[x] ?? x}</Tag>),
            },
            { title: 'Ngày tạo', dataIndex: 'createdAt', render: formatDate },
            { title: 'Hết hạn', dataIndex: 'expiresAt', render: formatDate },
            {
              title: 'Lần dùng cuối',
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? formatDateTime(v) : 'Chưa dùng'),
            },
            { title: 'Trạng thái', key: 'state', render: (_, t) => tokenState(t) },
            {
              title: '',
              key: 'actions',
              render: (_, t) =>
                t.revokedAt ? null : (
                  <Popconfirm
                    title="Thu hồi mã truy cập này?"
                    description="Phần mềm đang dùng mã này sẽ không kết nối được nữa."
                    okText="Thu hồi"
                    cancelText="Hủy"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke.mutateAsync(t.id)}
                  >
                    <Button danger size="small">
                      Thu hồi
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setSecret(token);
          void queryClient.invalidateQueries({ queryKey: KEY });
        }}
      />
      <OneTimeSecretModal
        open={secret !== null}
        title="Mã truy cập mới"
        value={secret ?? ''}
        testId="token-secret"
        description="Hãy sao chép mã này và lưu vào cấu hình của phần mềm cần kết nối. Sau khi đóng cửa sổ, mã sẽ không hiện lại."
        onClose={() => setSecret(null)}
      />
    </>
  );
}
