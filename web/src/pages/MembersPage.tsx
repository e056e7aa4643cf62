// Đảng viên: search (diacritics ignored, or a CCCD / party card number), filters, server paging and
// sorting, export of the filtered list, and adding a member.
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { download, errorMessage } from '../api/client.ts';
import { type MemberFilters, type MemberSort, membersApi } from '../api/members.ts';
import { OrgPicker } from '../components/OrgPicker.tsx';
import { useDebounced } from '../components/OrgSearch.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { MemberFormModal } from '../components/registry/MemberFormModal.tsx';
import { MembersTable } from '../components/registry/MembersTable.tsx';
import { postOptions, statusOptions } from '../components/registry/memberLabels.tsx';
import { hasPermission, useSession } from '../components/session.tsx';

export function MembersPage() {
  const me = useSession();
  const canWrite = hasPermission(me, 'member.write');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim());
  const [orgId, setOrgId] = useState<string | undefined>(params.get('orgId') ?? undefined);
  const [status, setStatus] = useState<string | undefined>(params.get('status') ?? undefined);
  const [post, setPost] = useState<string | undefined>(params.get('post') ?? undefined);
  const [sort, setSort] = useState<{ sort: MemberSort; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filters: MemberFilters = { q: q || undefined, orgId, status, post };

  // Keep the filters in the address so that a link or the back button brings the same list.
  const remember = (next: Partial<Record<'q' | 'orgId' | 'status' | 'post', string | undefined>>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(membersApi.exportPath({ ...filters, ...sort }), 'danh-sach-dang-vien.xlsx');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title="Đảng viên"
        description="Tìm theo họ tên (gõ có dấu hoặc không dấu), số CCCD 12 chữ số hoặc số thẻ đảng viên."
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={exportXlsx} loading={exporting} data-testid="members-export">
              Xuất Excel
            </Button>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
                Thêm đảng viên
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={8}>
            <Input
              prefix={<SearchOutlined />}
              placeholder="Họ tên, số CCCD hoặc số thẻ đảng viên"
              aria-label="Tìm đảng viên"
              allowClear
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                remember({ q: e.target.value.trim() || undefined });
              }}
              data-testid="member-search"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <OrgPicker
              value={orgId}
              allowClear
              placeholder="Lọc theo tổ chức (cả các đơn vị trực thuộc)"
              aria-label="Lọc theo tổ chức"
              onChange={(v) => {
                setOrgId(v);
                remember({ orgId: v });
              }}
              data-testid="member-filter-org"
            />
          </Col>
          <Col xs={12} md={6} xl={5}>
            <Select
              allowClear
              placeholder="Tình trạng"
              aria-label="Lọc theo tình trạng"
              options={statusOptions}
              value={status}
              onChange={(v?: string) => {
                setStatus(v);
                remember({ status: v });
              }}
              style={{ width: '100%' }}
              data-testid="member-filter-status"
            />
          </Col>
          <Col xs={12} md={6} xl={5}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="Chức vụ đang giữ"
              aria-label="Lọc theo chức vụ"
              options={postOptions}
              value={post}
              onChange={(v?: string) => {
                setPost(v);
                remember({ post: v });
              }}
              style={{ width: '100%' }}
              data-testid="member-filter-post"
            />
          </Col>
        </Row>
        <MembersTable filters={filters} onSortChange={(s, o) => setSort({ sort: s, order: o })} />
      </Card>
      {adding && (
        <MemberFormModal
          member={null}
          defaultOrgId={orgId}
          onClose={() => setAdding(false)}
          onConflict={() => {}}
          onSaved={(m) => {
            setAdding(false);
            message.success(`Đã thêm đảng viên ${m.fullName}.`);
            void queryClient.invalidateQueries({ queryKey: ['members'] });
            navigate(`/dang-vien/${m.id}`);
          }}
        />
      )}
    </>
  );
}
