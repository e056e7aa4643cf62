// The selected organisation's particulars.
import { Descriptions, Tag } from 'antd';
import { ORG_KIND_LABELS, type Org } from '../../../common/orgs.ts';
import { CLEARANCE_LABELS, type Clearance } from '../../../common/roles.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';

const yesNo = (v: boolean) => (v ? 'Có' : 'Không');

export function OrgDetails({ org }: { org: Org }) {
  return (
    <Descriptions column={1} bordered size="small" data-testid="org-details" styles={{ label: { width: 240 } }}>
      <Descriptions.Item label="Tên tổ chức">{org.name}</Descriptions.Item>
      <Descriptions.Item label="Mã">
        <code>{org.code}</code>
      </Descriptions.Item>
      <Descriptions.Item label="Loại tổ chức">{ORG_KIND_LABELS[org.kind] ?? org.kind}</Descriptions.Item>
      <Descriptions.Item label="Cấp trong cây">{org.level}</Descriptions.Item>
      <Descriptions.Item label="Mã tỉnh, thành phố">{org.provinceCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="Có cấp ủy">{yesNo(org.hasCommittee)}</Descriptions.Item>
      <Descriptions.Item label="Có Ủy ban Kiểm tra">{yesNo(org.hasInspectionCommittee)}</Descriptions.Item>
      <Descriptions.Item label="Độ mật">
        {org.secrecy > 0 ? <Tag color="red">{CLEARANCE_LABELS[org.secrecy as Clearance] ?? org.secrecy}</Tag> : CLEARANCE_LABELS[0]}
      </Descriptions.Item>
      <Descriptions.Item label="Hiệu lực từ ngày">{org.validFrom ? formatDate(org.validFrom) : '—'}</Descriptions.Item>
      {org.validTo && <Descriptions.Item label="Hiệu lực đến ngày">{formatDate(org.validTo)}</Descriptions.Item>}
      <Descriptions.Item label="Số tổ chức trực thuộc">{formatNumber(org.childCount)}</Descriptions.Item>
    </Descriptions>
  );
}
