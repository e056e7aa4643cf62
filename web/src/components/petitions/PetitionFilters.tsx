// The inbox's filters, kept in the address (so a filtered inbox can be bookmarked or sent to a colleague):
// organisation subtree, status (or "còn tính hạn"), kind, topic, deadline state, text, received dates.
import { Card, Col, DatePicker, Input, Row } from 'antd';
import type { PetitionListQuery } from '../../api/petitions.ts';
import { dayToIso, isoToDay, VN_DATE_FORMATS } from '../dates.ts';
import { FilterSelect } from '../FilterSelect.tsx';
import { OrgPicker } from '../OrgPicker.tsx';
import { clockOptions, kindOptions, statusOptions, topicOptions } from './labels.tsx';

/** The filters as the address holds them; `status=open` stands for every letter whose clock still runs. */
export type FilterKey = 'orgId' | 'status' | 'kind' | 'topic' | 'clock' | 'q' | 'receivedFrom' | 'receivedTo' | 'sort';
export type Filters = Partial<Record<FilterKey, string>>;

export function readFilters(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const k of ['orgId', 'status', 'kind', 'topic', 'clock', 'q', 'receivedFrom', 'receivedTo', 'sort'] as const) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** The API's query for these filters. */
export function toQuery(f: Filters): PetitionListQuery {
  return {
    orgId: f.orgId,
    open: f.status === 'open' ? true : undefined,
    status: f.status && f.status !== 'open' ? (f.status as PetitionListQuery['status']) : undefined,
    kind: f.kind as PetitionListQuery['kind'],
    topic: f.topic as PetitionListQuery['topic'],
    clock: f.clock as PetitionListQuery['clock'],
    q: f.q,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
    sort: f.sort === 'due_asc' ? 'due_asc' : 'received_desc',
  };
}

const STATUS_CHOICES = [{ value: 'open', label: 'Còn trong hạn xử lý (chưa xong)' }, ...statusOptions];

export function PetitionFilters({ f, set }: { f: Filters; set: (changes: Filters) => void }) {
  return (
    <Card style={{ marginBottom: 16 }} size="small">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={9}>
          <Input.Search
            key={f.q ?? ''}
            defaultValue={f.q}
            allowClear
            placeholder="Tìm số vào sổ, trích yếu, người bị phản ánh"
            aria-label="Tìm đơn"
            onSearch={(q) => set({ q: q.trim() || undefined })}
            data-testid="petition-filter-q"
          />
        </Col>
        <Col xs={24} lg={8}>
          <OrgPicker
            value={f.orgId}
            onChange={(v) => set({ orgId: v })}
            allowClear
            placeholder="Cơ quan tiếp nhận: tất cả"
            aria-label="Cơ quan tiếp nhận"
            data-testid="petition-filter-org"
          />
        </Col>
        <Col xs={24} lg={7}>
          <DatePicker.RangePicker
            value={[isoToDay(f.receivedFrom), isoToDay(f.receivedTo)]}
            onChange={(r) => set({ receivedFrom: dayToIso(r?.[0]) ?? undefined, receivedTo: dayToIso(r?.[1]) ?? undefined })}
            format={VN_DATE_FORMATS}
            placeholder={['Nhận từ ngày', 'Đến ngày']}
            allowEmpty={[true, true]}
            style={{ width: '100%' }}
            data-testid="petition-filter-received"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FilterSelect
            label="Trạng thái"
            value={f.status}
            onChange={(v) => set({ status: v })}
            options={STATUS_CHOICES}
            data-testid="petition-filter-status"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FilterSelect
            label="Tình trạng hạn"
            value={f.clock}
            onChange={(v) => set({ clock: v })}
            options={clockOptions}
            data-testid="petition-filter-clock"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FilterSelect
            label="Loại đơn"
            value={f.kind}
            onChange={(v) => set({ kind: v })}
            options={kindOptions}
            data-testid="petition-filter-kind"
          />
        </Col>
        <Col xs={12} lg={6}>
          <FilterSelect
            label="Lĩnh vực"
            value={f.topic}
            onChange={(v) => set({ topic: v })}
            options={topicOptions}
            data-testid="petition-filter-topic"
          />
        </Col>
      </Row>
    </Card>
  );
}
