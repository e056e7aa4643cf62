// Hồ sơ đảng viên: header (name, status, cell, masked CCCD with the audited reveal), particulars, the
// timeline of posts and cell transfers, posts, relatives; edit and transfer for editors.
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CLEARANCE_LABELS, type Clearance } from '../../../common/roles.ts';
import { type Member, membersApi } from '../api/members.ts';
import { MemberDisciplineHistory } from '../components/discipline/MemberDisciplineHistory.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { CccdReveal } from '../components/registry/CccdReveal.tsx';
import { MemberFormModal } from '../components/registry/MemberFormModal.tsx';
import { MemberTimeline } from '../components/registry/MemberTimeline.tsx';
import { genderLabel, StatusTag } from '../components/registry/memberLabels.tsx';
import { PostsCard } from '../components/registry/PostsCard.tsx';
import { RelativesCard } from '../components/registry/RelativesCard.tsx';
import { TransferModal } from '../components/registry/TransferModal.tsx';
import { REGISTRY_TIMELINE } from '../components/registry/timeline.ts';
import { hasPermission, useSession } from '../components/session.tsx';
import { formatDate, formatDateTime } from '../i18n/format.ts';

const dash = (s: string | null | undefined) => (s ? s : '—');

export function MemberProfilePage() {
  const { id = '' } = useParams();
  const me = useSession();
  const canWrite = hasPermission(me, 'member.write');
  const canReveal = hasPermission(me, 'member.identity.read');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'transfer' | null>(null);
  const member = useQuery({ queryKey: ['member', id], queryFn: () => membersApi.get(id) });

  /** Every write answers with the whole record: show it, and let lists fetch again. */
  const saved = (m: Member) => {
    queryClient.setQueryData(['member', id], m);
    void queryClient.invalidateQueries({ queryKey: ['members'] });
  };
  const reload = async () => {
    await member.refetch();
  };

  if (member.isPending) return <Spin size="large" />;
  if (member.error) {
    return (
      <>
        <PageHeader title="Hồ sơ đảng viên" />
        <QueryError error={member.error} testId="member-error" />
        <Link to="/dang-vien">Quay lại danh sách đảng viên</Link>
      </>
    );
  }
  const m = member.data;
  const events = REGISTRY_TIMELINE.flatMap((adapter) => adapter(m));

  return (
    <>
      <PageHeader
        title={m.fullName}
        description={
          <Space wrap size={[12, 4]} data-testid="member-header">
            <StatusTag status={m.status} />
            <span>
              Chi bộ: <Link to={`/to-chuc/${m.orgId}`}>{m.orgName}</Link>
            </span>
            <span>
              CCCD: <span style={{ fontFamily: 'monospace' }}>{m.cccdMasked ?? 'chưa có'}</span>
            </span>
            {canReveal && m.cccdMasked && <CccdReveal memberId={m.id} />}
          </Space>
        }
        extra={
          canWrite && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="member-edit">
                Sửa hồ sơ
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="member-transfer">
                Chuyển sinh hoạt
              </Button>
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="Thông tin cá nhân">
            <Descriptions column={1} size="small" bordered data-testid="member-details" styles={{ label: { width: 170 } }}>
              <Descriptions.Item label="Họ và tên">{m.fullName}</Descriptions.Item>
              <Descriptions.Item label="Giới tính">{genderLabel(m.gender)}</Descriptions.Item>
              <Descriptions.Item label="Ngày sinh">{m.birthDate ? formatDate(m.birthDate) : '—'}</Descriptions.Item>
              <Descriptions.Item label="Số thẻ đảng viên">{dash(m.partyCardNo)}</Descriptions.Item>
              <Descriptions.Item label="Ngày vào Đảng">{m.admittedOn ? formatDate(m.admittedOn) : '—'}</Descriptions.Item>
              <Descriptions.Item label="Ngày chính thức">{m.confirmedOn ? formatDate(m.confirmedOn) : '—'}</Descriptions.Item>
              <Descriptions.Item label="Chi bộ sinh hoạt">
                <Link to={`/to-chuc/${m.orgId}`}>{m.orgName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="Độ mật hồ sơ">{CLEARANCE_LABELS[m.secrecy as Clearance] ?? m.secrecy}</Descriptions.Item>
              <Descriptions.Item label="Cập nhật lần cuối">{formatDateTime(m.updatedAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title="Quá trình công tác và sinh hoạt đảng">
            <Typography.Paragraph type="secondary">Chức vụ và các lần chuyển sinh hoạt, mới nhất ở trên.</Typography.Paragraph>
            <MemberTimeline events={events} />
          </Card>
        </Col>
        <Col span={24}>
          <PostsCard member={m} canWrite={canWrite} onSaved={saved} />
        </Col>
        <Col span={24}>
          <RelativesCard member={m} canWrite={canWrite} onSaved={saved} />
        </Col>
        {hasPermission(me, 'discipline.read') && (
          <Col span={24}>
            <MemberDisciplineHistory memberId={m.id} />
          </Col>
        )}
      </Row>
      {dialog === 'edit' && (
        <MemberFormModal
          member={m}
          onClose={() => setDialog(null)}
          onConflict={reload}
          onSaved={(next) => {
            setDialog(null);
            saved(next);
            message.success('Đã lưu hồ sơ.');
          }}
        />
      )}
      {dialog === 'transfer' && (
        <TransferModal
          member={m}
          onClose={() => setDialog(null)}
          onConflict={reload}
          onSaved={(next) => {
            setDialog(null);
            saved(next);
            message.success(`Đã chuyển sinh hoạt đến ${next.orgName}.`);
          }}
        />
      )}
    </>
  );
}
