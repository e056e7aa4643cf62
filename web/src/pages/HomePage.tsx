// Overview: who is signed in, with which roles and scopes. No figures until modules produce them.
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MODULES } from '../../../common/modules.ts';
import { CLEARANCE_LABELS, type Clearance, ROLE_LABELS } from '../../../common/roles.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useSession } from '../components/session.tsx';
import { formatDateLong } from '../i18n/format.ts';

export function HomePage() {
  const { user } = useSession();
  return (
    <>
      <PageHeader title={`Xin chào, ${user.fullName}`} description={`Hôm nay là ${formatDateLong(new Date())}.`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title="Tài khoản của bạn">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="Tên đăng nhập">{user.username}</Descriptions.Item>
              <Descriptions.Item label="Độ mật được tiếp cận">
                {CLEARANCE_LABELS[user.clearance as Clearance] ?? user.clearance}
              </Descriptions.Item>
              <Descriptions.Item label="Xác thực hai lớp">
                {user.totpEnabled ? <Tag color="green">Đã bật</Tag> : <Tag>Chưa bật</Tag>}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Vai trò và phạm vi">
            {user.roles.length === 0 ? (
              <Typography.Text type="secondary">Tài khoản chưa được giao vai trò nào.</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="home-roles">
                {user.roles.map((r) => (
                  <li key={`${r.role}:${r.orgId}`} style={{ marginBottom: 4 }}>
                    <strong>{ROLE_LABELS[r.role]}</strong> — {r.orgName}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Các phân hệ">
            <Row gutter={[12, 12]}>
              {MODULES.map((m) => (
                <Col key={m.key} xs={24} md={12} xl={8}>
                  <Link to={m.path} style={{ color: 'inherit' }}>
                    <Card size="small" hoverable style={{ height: '100%' }}>
                      <Typography.Text strong>{m.label}</Typography.Text>{' '}
                      {!m.ready && <Tag style={{ marginInlineStart: 4 }}>Đang xây dựng</Tag>}
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                        {m.description}
                      </Typography.Paragraph>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </>
  );
}
