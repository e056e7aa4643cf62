// The letter at a glance: kind, channel and source, receiving body, who it is about, how it was signed,
// and its topic, which an officer may correct (the correction teaches the topic model). A subject known by
// name only is tied to the registry here, before screening. What the sender's contact is never shows here:
// only whether one is on record.
import { Alert, App, Descriptions, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PetitionTopic } from '../../../../common/petitions.ts';
import { errorMessage } from '../../api/client.ts';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { formatDate } from '../../i18n/format.ts';
import { channelLabel, KindTag, percent, SecrecyTag, senderLabel, topicMethodLabel, topicOptions } from './labels.tsx';
import { maySetSubject, SubjectButton } from './SubjectButton.tsx';

function TopicEditor({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const change = async (topic: PetitionTopic) => {
    setBusy(true);
    try {
      await petitionsApi.setTopic(p.id, { version: p.version, topic });
      onChanged('Đã cập nhật lĩnh vực.');
    } catch (e) {
      message.error(errorMessage(e));
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  const how =
    p.topicMethod === 'officer'
      ? topicMethodLabel('officer')
      : `${topicMethodLabel(p.topicMethod)}${
          p.topicConfidence === null
            ? ''
            : p.topicConfidence > 0
              ? `, độ tin cậy ${percent(p.topicConfidence)}`
              : ', chưa đủ căn cứ, cần cán bộ xác định'
        }`;
  return (
    <Space wrap size={8}>
      <Select
        value={p.topic}
        options={topicOptions}
        onChange={(t: PetitionTopic) => void change(t)}
        disabled={!canWrite}
        loading={busy}
        style={{ minWidth: 260 }}
        aria-label="Lĩnh vực"
        data-testid="petition-topic"
      />
      <Tooltip
        title={p.topicMethod === 'officer' ? undefined : 'Nếu đề xuất chưa đúng, chọn lại lĩnh vực; hệ thống học từ lựa chọn của cán bộ.'}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="petition-topic-method">
          {how}
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}

export function PetitionSummary({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const source = [p.sourceName, p.sourceRef].filter(Boolean).join(', ');
  const nameOnly = !p.subjectMemberId && !p.subjectOrgId;
  const editable = maySetSubject(p, canWrite);
  return (
    <Descriptions size="small" column={1} bordered styles={{ label: { width: 170 } }} data-testid="petition-summary">
      <Descriptions.Item label="Loại đơn">
        <KindTag kind={p.kind} />
        <SecrecyTag secrecy={p.secrecy} />
      </Descriptions.Item>
      <Descriptions.Item label="Ngày nhận">{formatDate(p.receivedOn)}</Descriptions.Item>
      <Descriptions.Item label="Kênh tiếp nhận">
        {channelLabel(p.channel)}
        {source && `: ${source}`}
      </Descriptions.Item>
      <Descriptions.Item label="Cơ quan tiếp nhận">{p.bodyOrgName}</Descriptions.Item>
      <Descriptions.Item label="Người bị phản ánh, tố cáo">
        <span data-testid="petition-subject">
          {p.subjectMemberId ? <Link to={`/dang-vien/${p.subjectMemberId}`}>{p.subjectName}</Link> : p.subjectName}
        </span>
        {p.subjectOrgId && <Tag style={{ marginLeft: 8 }}>Tổ chức đảng</Tag>}
        {nameOnly && !editable && (
          <Tag style={{ marginLeft: 8 }} title="Không tìm thấy trong danh sách đảng viên, tổ chức đảng">
            Chỉ có tên
          </Tag>
        )}
        {p.subjectPosition && <Typography.Text type="secondary"> · {p.subjectPosition}</Typography.Text>}
        {!nameOnly && editable && <SubjectButton p={p} onChanged={onChanged} />}
        {nameOnly && editable && (
          // Screening cannot find the competent body from a name: say so where the name is, with the remedy.
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="petition-subject-prompt"
            title={`Chỉ có tên: ${p.subjectName} — xác định đảng viên hoặc tổ chức đảng trong cơ sở dữ liệu để phân loại`}
            action={<SubjectButton p={p} onChanged={onChanged} />}
          />
        )}
      </Descriptions.Item>
      <Descriptions.Item label="Người gửi">
        <Space wrap size={4}>
          <span data-testid="petition-sender">{senderLabel(p.senderIdentity)}</span>
          <Tag color={p.senderAddressKnown ? 'green' : 'default'}>{p.senderAddressKnown ? 'Rõ địa chỉ' : 'Không rõ địa chỉ'}</Tag>
          {p.senderContactOnRecord && (
            <Tooltip title="Thông tin liên hệ được mã hóa; chỉ người quản lý đơn thư mật được xem, có ghi nhật ký.">
              <Tag color="gold">Có thông tin liên hệ (bảo mật)</Tag>
            </Tooltip>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="Lĩnh vực">
        <TopicEditor p={p} canWrite={canWrite} onChanged={onChanged} />
      </Descriptions.Item>
      {p.parentId && (
        <Descriptions.Item label="Tách từ đơn">
          <Link to={`/don-thu/${p.parentId}`}>Xem đơn gốc</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
