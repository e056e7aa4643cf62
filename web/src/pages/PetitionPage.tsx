// One letter (/don-thu/:id): what it says and about whom, its screening (the officer answers questions, the
// rule decides), its deadline, the duplicates and related letters, the conversation with a portal sender,
// forwarding, the inspection it led to, the resolution and the answer. Every change refetches the letter,
// whose version the next write sends. The sender's identity is never part of it (custodian: on demand).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Col, List, Row, Space } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { PETITIONS_KEY, petitionKey, petitionsApi } from '../api/petitions.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ClusterCard } from '../components/petitions/ClusterCard.tsx';
import { ContentCard } from '../components/petitions/ContentCard.tsx';
import { DeadlineCard } from '../components/petitions/DeadlineCard.tsx';
import { ForwardCard } from '../components/petitions/ForwardCard.tsx';
import { IdentityButton } from '../components/petitions/IdentityButton.tsx';
import { ClockTag, kindLabel, PetitionStatusTag } from '../components/petitions/labels.tsx';
import { MessagesCard } from '../components/petitions/MessagesCard.tsx';
import { OutcomeCard } from '../components/petitions/OutcomeCard.tsx';
import { PetitionSummary } from '../components/petitions/PetitionSummary.tsx';
import { ScreeningCard } from '../components/petitions/ScreeningCard.tsx';
import { QueryError } from '../components/QueryState.tsx';
import { hasPermission, useSession } from '../components/session.tsx';

export function PetitionPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const canWrite = hasPermission(me, 'petition.write');
  const custodian = hasPermission(me, 'petition.identity.read');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: petitionKey(id), queryFn: ({ signal }) => petitionsApi.get(id, signal) });
  const p = q.data;
  const loadedId = p?.id;
  // Opening the letter marks the sender's messages read (server side): the inbox's badges change with it.
  useEffect(() => {
    if (loadedId) void queryClient.invalidateQueries({ queryKey: [...PETITIONS_KEY, 'list'] });
  }, [loadedId, queryClient]);
  const changed = (text?: string) => {
    void q.refetch();
    // The inbox shows status, deadline and link counts: refresh it too.
    void queryClient.invalidateQueries({ queryKey: [...PETITIONS_KEY, 'list'] });
    if (text) message.success(text);
  };

  if (q.error) return <QueryError error={q.error} />;
  if (!p) return <Card loading />;
  const props = { p, canWrite, onChanged: changed };
  const forwarding = p.screening?.result.outcome === 'forward' || !!p.forward;
  const conversation = p.fromPortal || p.messages.length > 0;
  return (
    <>
      <PageHeader
        title={`Đơn ${p.code}`}
        description={`${kindLabel(p.kind)}: ${p.title}`}
        extra={
          <Space wrap>
            <PetitionStatusTag status={p.status} />
            <ClockTag clock={p.clock} />
            {custodian && <IdentityButton petitionId={p.id} />}
          </Space>
        }
      />
      {/* Keyed by the letter: forms half-filled on one letter do not follow the officer to another. */}
      <Row gutter={[16, 16]} key={p.id}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <PetitionSummary {...props} />
            </Card>
            <ContentCard {...props} />
            <ScreeningCard {...props} />
            {forwarding && <ForwardCard {...props} />}
            <OutcomeCard {...props} />
            {conversation && <MessagesCard {...props} />}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DeadlineCard {...props} />
            <ClusterCard {...props} />
            {p.parts.length > 0 && (
              <Card title="Đơn tách ra từ đơn này" data-testid="petition-parts">
                <List
                  size="small"
                  dataSource={p.parts}
                  renderItem={(x) => (
                    <List.Item>
                      <Link to={`/don-thu/${x.id}`}>{x.code}</Link> · {kindLabel(x.kind)} <PetitionStatusTag status={x.status} />
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}
