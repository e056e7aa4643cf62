// Đơn trùng, đơn liên quan (domain.md §5: the same letter sent to several levels or repeated is linked, not
// counted twice): the links the system suggested from the text's resemblance, which an officer confirms or
// rejects, the links officers made, and the whole chain of letters reachable through them.
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, List, Radio, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { type PetitionDetail, type PetitionLink, petitionsApi } from '../../api/petitions.ts';
import { formatDate } from '../../i18n/format.ts';
import { useDebounced } from '../OrgSearch.tsx';
import { PetitionStatusTag, percent } from './labels.tsx';

const LINK_STATUS: Record<PetitionLink['linkStatus'], { label: string; color: string }> = {
  suggested: { label: 'Hệ thống đề xuất', color: 'orange' },
  confirmed: { label: 'Đã xác nhận', color: 'green' },
  rejected: { label: 'Đã bác bỏ', color: 'default' },
};

/** Another letter in the reader's scope, found by its number or words of its title. */
function PetitionPicker({ exclude, value, onChange }: { exclude: string[]; value?: string; onChange: (id?: string) => void }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useQuery({
    queryKey: ['petitions', 'pick', q],
    queryFn: ({ signal }) => petitionsApi.list({ q, page: 1, pageSize: 20 }, signal),
    enabled: q.length >= 2,
  });
  const options = (found.data?.items ?? [])
    .filter((x) => !exclude.includes(x.id))
    .map((x) => ({ value: x.id, label: `${x.code} · ${x.title}` }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      placeholder="Gõ số vào sổ hoặc trích yếu của đơn khác"
      notFoundContent={q.length < 2 ? 'Gõ ít nhất 2 ký tự' : found.isFetching ? null : 'Không tìm thấy đơn'}
      allowClear
      style={{ width: '100%' }}
      aria-label="Đơn cần liên kết"
      data-testid="petition-link-pick"
    />
  );
}

function LinkRow({ l, canWrite, decide }: { l: PetitionLink; canWrite: boolean; decide: (l: PetitionLink, ok: boolean) => void }) {
  const st = LINK_STATUS[l.linkStatus];
  const scores = [l.resemblance !== null && `giống ${percent(l.resemblance)}`, l.cosine !== null && `tương đồng ${percent(l.cosine)}`]
    .filter(Boolean)
    .join(', ');
  return (
    <List.Item
      data-testid={`petition-link-${l.code}`}
      actions={
        canWrite && l.linkStatus === 'suggested'
          ? [
              <Button key="ok" size="small" type="link" onClick={() => decide(l, true)} data-testid={`link-confirm-${l.code}`}>
                Xác nhận
              </Button>,
              <Button key="no" size="small" type="link" danger onClick={() => decide(l, false)} data-testid={`link-reject-${l.code}`}>
                Bác bỏ
              </Button>,
            ]
          : []
      }
    >
      <div style={{ minWidth: 0, opacity: l.linkStatus === 'rejected' ? 0.55 : 1 }}>
        <Space wrap size={4}>
          <Tag color={l.relation === 'duplicate' ? 'magenta' : 'blue'} data-testid="petition-link-relation">
            {l.relation === 'duplicate' ? 'Đơn trùng' : 'Đơn liên quan'}
          </Tag>
          <Link to={`/don-thu/${l.petitionId}`}>{l.code}</Link>
          <Tooltip title={l.origin === 'auto' ? 'Tìm theo độ giống của nội dung' : 'Cán bộ liên kết'}>
            <Tag color={st.color}>{l.origin === 'officer' && l.linkStatus === 'confirmed' ? 'Cán bộ liên kết' : st.label}</Tag>
          </Tooltip>
        </Space>
        <div>{l.title}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {l.bodyOrgName} · nhận {formatDate(l.receivedOn)}
          {l.direction === 'incoming' ? ' (gửi sau đơn này)' : ''}
          {scores && ` · ${scores}`}
        </Typography.Text>{' '}
        <PetitionStatusTag status={l.status} />
      </div>
    </List.Item>
  );
}

export function ClusterCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const { message } = App.useApp();
  const [other, setOther] = useState<string | undefined>();
  const [relation, setRelation] = useState<'duplicate' | 'related'>('duplicate');
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      onChanged(done);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const decide = (l: PetitionLink, ok: boolean) =>
    act(
      () => petitionsApi.decideLink(p.id, l.petitionId, { status: ok ? 'confirmed' : 'rejected', from: l.linkStatus }),
      ok ? 'Đã xác nhận liên kết.' : 'Đã bác bỏ liên kết.',
    );
  const linked = new Set(p.links.map((l) => l.petitionId));
  const further = p.cluster.filter((c) => !linked.has(c.petitionId));
  return (
    <Card title="Đơn trùng, đơn liên quan" data-testid="petition-links">
      {p.links.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không tìm thấy đơn trùng hoặc liên quan." />
      ) : (
        <List size="small" dataSource={p.links} renderItem={(l) => <LinkRow l={l} canWrite={canWrite && !busy} decide={decide} />} />
      )}
      {further.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="petition-cluster">
          <Typography.Text strong>Cùng chuỗi đơn (qua các liên kết khác):</Typography.Text>
          <ul style={{ paddingLeft: 20, margin: '4px 0 0' }}>
            {further.map((c) => (
              <li key={c.petitionId}>
                <Link to={`/don-thu/${c.petitionId}`}>{c.code}</Link> · {c.title}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({c.bodyOrgName}, {formatDate(c.receivedOn)})
                </Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canWrite && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Typography.Text type="secondary">Liên kết với đơn khác:</Typography.Text>
          <PetitionPicker exclude={[p.id, ...linked]} value={other} onChange={setOther} />
          <Space wrap>
            <Radio.Group
              value={relation}
              onChange={(e) => setRelation(e.target.value)}
              options={[
                { value: 'duplicate', label: 'Đơn trùng' },
                { value: 'related', label: 'Đơn liên quan' },
              ]}
            />
            <Button
              disabled={!other}
              loading={busy}
              onClick={() =>
                other &&
                act(async () => {
                  await petitionsApi.link(p.id, { otherId: other, relation });
                  setOther(undefined);
                }, 'Đã liên kết hai đơn.')
              }
              data-testid="petition-link-add"
            >
              Liên kết
            </Button>
          </Space>
        </Space>
      )}
    </Card>
  );
}
