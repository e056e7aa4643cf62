// Trang tổ chức: particulars, sub-units, members (paged), the committee and the UBKT, the lifecycle
// history; for administrators, closing, merging into and splitting the unit.
import { ApartmentOutlined, MergeCellsOutlined, SplitCellsOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ORG_KIND_LABELS } from '../../../common/orgs.ts';
import { COMMITTEE_POSTS, UBKT_POSTS } from '../api/leadership.ts';
import { orgsApi } from '../api/orgs.ts';
import { OrgDetails } from '../components/OrgDetails.tsx';
import { OrgCloseModal } from '../components/orgs/OrgCloseModal.tsx';
import { OrgEventsTable } from '../components/orgs/OrgEventsTable.tsx';
import { OrgLeadership } from '../components/orgs/OrgLeadership.tsx';
import { OrgMergeModal } from '../components/orgs/OrgMergeModal.tsx';
import { OrgSplitModal } from '../components/orgs/OrgSplitModal.tsx';
import { SubUnitsTable } from '../components/orgs/SubUnitsTable.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { MembersTable } from '../components/registry/MembersTable.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate } from '../i18n/format.ts';

type Dialog = 'close' | 'merge' | 'split' | null;

export function OrgPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const canAdmin = hasPermission(me, 'org.write');
  const canMembers = hasPermission(me, 'member.read');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const org = useQuery({ queryKey: ['org', id], queryFn: () => orgsApi.get(id) });

  const changed = async (text: string) => {
    setDialog(null);
    message.success(text);
    await Promise.all(
      [['org'], ['orgs'], ['members'], ['org-events'], ['leadership']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  };

  if (org.isPending) return <Spin size="large" />;
  if (org.error) {
    return (
      <>
        <PageHeader title="Tổ chức đảng" />
        <QueryError error={org.error} />
        <Link to="/to-chuc">Quay lại cây tổ chức</Link>
      </>
    );
  }
  const o = org.data;
  const closed = o.validTo !== null;

  return (
    <>
      <PageHeader
        title={o.name}
        description={`${ORG_KIND_LABELS[o.kind] ?? o.kind} · mã ${o.code}`}
        extra={
          <Space wrap>
            <Button icon={<ApartmentOutlined />} onClick={() => navigate('/to-chuc')}>
              Cây tổ chức
            </Button>
            {canAdmin && !closed && (
              <>
                <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')} data-testid="org-merge">
                  Sáp nhập
                </Button>
                <Button icon={<SplitCellsOutlined />} onClick={() => setDialog('split')} data-testid="org-split">
                  Chia tách
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="org-close">
                  Giải thể/Đóng
                </Button>
              </>
            )}
          </Space>
        }
      />
      {closed && (
        <Alert
          type="warning"
          showIcon
          title={`Tổ chức này đã giải thể hoặc được sắp xếp lại, hoạt động đến hết ngày ${formatDate(o.validTo)}. Hồ sơ và lịch sử vẫn được lưu để tra cứu.`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="Thông tin tổ chức">
            <OrgDetails org={o} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {canMembers ? (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <OrgLeadership
                orgId={o.id}
                title={o.kind === 'cell' ? 'Bí thư, chi ủy' : 'Cấp ủy'}
                codes={COMMITTEE_POSTS}
                empty="Chưa ghi nhận người giữ chức vụ nào."
                testId="org-committee"
              />
              {o.hasInspectionCommittee && (
                <OrgLeadership
                  orgId={o.id}
                  title="Ủy ban Kiểm tra"
                  codes={UBKT_POSTS}
                  empty="Chưa ghi nhận ủy viên Ủy ban Kiểm tra nào."
                  testId="org-ubkt"
                />
              )}
            </Space>
          ) : (
            <Alert type="info" showIcon title="Tài khoản của bạn không được xem danh sách đảng viên." />
          )}
        </Col>
        <Col span={24}>
          <Card>
            <Tabs
              items={[
                ...(canMembers
                  ? [{ key: 'members', label: 'Đảng viên', children: <MembersTable filters={{ orgId: o.id }} testId="org-members" /> }]
                  : []),
                { key: 'units', label: `Đơn vị trực thuộc (${o.childCount})`, children: <SubUnitsTable orgId={o.id} /> },
                { key: 'history', label: 'Lịch sử giải thể, sáp nhập, chia tách', children: <OrgEventsTable orgId={o.id} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {dialog === 'close' && <OrgCloseModal org={o} onClose={() => setDialog(null)} onDone={() => changed(`Đã giải thể ${o.name}.`)} />}
      {dialog === 'merge' && <OrgMergeModal org={o} onClose={() => setDialog(null)} onDone={() => changed(`Đã sáp nhập vào ${o.name}.`)} />}
      {dialog === 'split' && (
        <OrgSplitModal
          org={o}
          onClose={() => setDialog(null)}
          onDone={(parts) => changed(`Đã chia tách thành ${parts.length} đơn vị mới.`)}
        />
      )}
    </>
  );
}
