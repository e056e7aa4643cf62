// Organisation tree (lazy), search, details of the selected unit, and add / edit for administrators.
import { EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Spin, Tree } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Org } from '../../../common/orgs.ts';
import { errorMessage } from '../api/client.ts';
import { orgsApi } from '../api/orgs.ts';
import { OrgDetails } from '../components/OrgDetails.tsx';
import { OrgFormModal, type OrgFormTarget } from '../components/OrgFormModal.tsx';
import { OrgSearch } from '../components/OrgSearch.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { MembersTable } from '../components/registry/MembersTable.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { useOrgTree } from '../components/useOrgTree.ts';

export function OrgTreePage() {
  const me = useSession();
  const canWrite = hasPermission(me, 'org.write');
  const canMembers = hasPermission(me, 'member.read');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null);

  const selected = useQuery({
    queryKey: ['org', selectedId],
    queryFn: () => orgsApi.get(selectedId as string),
    enabled: selectedId !== null,
  });

  const onSaved = async (org: Org) => {
    const creating = formTarget?.mode === 'create';
    setFormTarget(null);
    if (creating && org.parentId) {
      await tree.childAdded(org.parentId);
      message.success(`Đã thêm ${org.name}.`);
    } else {
      tree.orgChanged(org);
      message.success('Đã lưu thay đổi.');
    }
    if (creating) setSelectedId(org.id);
    else void selected.refetch();
  };

  const onConflict = async () => {
    const r = await selected.refetch();
    if (r.data) {
      tree.orgChanged(r.data);
      setFormTarget({ mode: 'edit', org: r.data });
    }
  };

  return (
    <>
      <PageHeader
        title="Cây tổ chức"
        description="Cây tổ chức đảng trong phạm vi được giao. Bấm vào mũi tên để mở các tổ chức trực thuộc."
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xxl={9}>
          <Card title="Tìm và duyệt tổ chức" styles={{ body: { paddingTop: 12 } }}>
            <OrgSearch onSearchingChange={setSearching} onPick={(o) => setSelectedId(o.id)} selectedId={selectedId} />
            {tree.error && <Alert type="error" showIcon title={tree.error} style={{ margin: '12px 0' }} />}
            <div style={{ display: searching ? 'none' : 'block', marginTop: 12 }}>
              {tree.loading ? (
                <Spin />
              ) : tree.nodes.length === 0 ? (
                <Empty description="Chưa có tổ chức nào trong phạm vi của bạn." />
              ) : (
                <Tree
                  treeData={tree.nodes}
                  loadData={(node) => tree.loadChildren(String(node.key))}
                  loadedKeys={tree.loadedKeys}
                  expandedKeys={tree.expandedKeys}
                  onExpand={(keys) => tree.setExpandedKeys(keys.map(String))}
                  selectedKeys={selectedId ? [selectedId] : []}
                  onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
                  height={560}
                  showLine
                  blockNode
                  data-testid="org-tree"
                />
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={13} xxl={15}>
          <Card
            title="Thông tin tổ chức"
            extra={
              selected.data && (
                <Space wrap>
                  <Button
                    icon={<ExportOutlined />}
                    onClick={() => selected.data && navigate(`/to-chuc/${selected.data.id}`)}
                    data-testid="org-open-page"
                  >
                    Mở trang tổ chức
                  </Button>
                  {canWrite && (
                    <>
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => selected.data && setFormTarget({ mode: 'create', parent: selected.data })}
                        data-testid="org-add-child"
                      >
                        Thêm đơn vị trực thuộc
                      </Button>
                      <Button
                        icon={<EditOutlined />}
                        onClick={() => selected.data && setFormTarget({ mode: 'edit', org: selected.data })}
                        data-testid="org-edit"
                      >
                        Sửa
                      </Button>
                    </>
                  )}
                </Space>
              )
            }
          >
            {selectedId === null ? (
              <Empty description="Chọn một tổ chức trong cây hoặc tìm theo tên, mã để xem thông tin." />
            ) : selected.isPending ? (
              <Spin />
            ) : selected.error ? (
              <Alert type="error" showIcon title={errorMessage(selected.error)} />
            ) : (
              <OrgDetails org={selected.data} />
            )}
          </Card>
          {canMembers && selected.data && (
            <Card title={`Đảng viên của ${selected.data.name}`} style={{ marginTop: 16 }}>
              <MembersTable filters={{ orgId: selected.data.id }} initialPageSize={10} testId="org-tree-members" />
            </Card>
          )}
        </Col>
      </Row>
      {formTarget && <OrgFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={onSaved} onConflict={onConflict} />}
    </>
  );
}
