// "Vào sổ đơn": an officer registers a letter that came by post, in person, from another body or from the
// press (the portal's letters register themselves). Then, in the same window, the scans are attached.
import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Col, DatePicker, Divider, Form, Input, Modal, Result, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { PetitionChannel, PetitionKind } from '../../../../common/petitions.ts';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useSession } from '../session.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';
import { AttachButton } from './AttachButton.tsx';
import { channelOptions, kindOptions, secrecyOptions } from './labels.tsx';
import { SenderFields, type SenderValues, SubjectFields, type SubjectValues, senderContact } from './RegisterFields.tsx';

type Values = SubjectValues &
  SenderValues & {
    bodyOrgId?: string;
    kind: PetitionKind;
    channel: PetitionChannel;
    receivedOn: Dayjs | null;
    sourceName?: string;
    sourceRef?: string;
    title: string;
    content: string;
    secrecy: number;
  };

const HANDLING_ROLES = ['ubkt_leader', 'ubkt_officer', 'cell_secretary'];
const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function AttachStep({ p, onOpen, onClose }: { p: PetitionDetail; onOpen: () => void; onClose: () => void }) {
  const [files, setFiles] = useState<{ n: number; name: string }[]>([]);
  return (
    <Modal
      open
      title="Đã vào sổ đơn"
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="close" onClick={onClose} data-testid="petition-created-close">
          Đóng
        </Button>,
        <Button key="open" type="primary" onClick={onOpen} data-testid="petition-created-open">
          Mở đơn để phân loại
        </Button>,
      ]}
    >
      <Result
        icon={<CheckCircleTwoTone twoToneColor="#52c41a" />}
        title={
          <>
            Số vào sổ: <span data-testid="petition-created-code">{p.code}</span>
          </>
        }
        subTitle="Đính kèm bản chụp, bản quét của đơn và tài liệu kèm theo (nếu có)."
        style={{ padding: '16px 0' }}
        extra={<AttachButton petitionId={p.id} onUploaded={(name) => setFiles((f) => [...f, { n: f.length, name }])} />}
      />
      {files.length > 0 && (
        <ul data-testid="petition-created-files">
          {files.map((f) => (
            <li key={f.n}>{f.name}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}

export function PetitionCreateModal({ onClose, onOpen }: { onClose: (created: boolean) => void; onOpen: (p: PetitionDetail) => void }) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<PetitionDetail | null>(null);
  const channel = Form.useWatch('channel', form);
  const home = me.user.roles.find((r) => HANDLING_ROLES.includes(r.role)) ?? me.user.roles[0];
  const s = useFormSubmit(
    form,
    (v) =>
      petitionsApi.create({
        bodyOrgId: v.bodyOrgId ?? '',
        kind: v.kind,
        channel: v.channel,
        receivedOn: dayToIso(v.receivedOn) ?? '',
        sourceName: trimmed(v.sourceName),
        sourceRef: trimmed(v.sourceRef),
        subjectMemberId: v.subjectType === 'member' ? v.subjectMemberId : null,
        subjectOrgId: v.subjectType === 'org' ? v.subjectOrgId : null,
        subjectName: v.subjectType === 'name' ? trimmed(v.subjectName) : null,
        subjectPosition: trimmed(v.subjectPosition),
        title: v.title,
        content: v.content,
        senderIdentity: v.senderIdentity,
        senderAddressKnown: v.senderAddressKnown,
        sender: senderContact(v.sender, v.senderIdentity),
        secrecy: v.secrecy,
      }),
    (p) => {
      message.success(`Đã vào sổ đơn ${p.code}.`);
      setCreated(p);
    },
    null,
  );
  if (created) return <AttachStep p={created} onOpen={() => onOpen(created)} onClose={() => onClose(true)} />;
  const forwarded = channel === 'forwarded' || channel === 'press';
  return (
    <Modal
      open
      title="Vào sổ đơn"
      okText="Vào sổ"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={() => onClose(false)}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'petition-create-submit' } as ButtonProps}
      destroyOnHidden
      width={820}
      maskClosable={false}
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          bodyOrgId: home?.orgId,
          kind: 'denunciation',
          channel: 'post',
          receivedOn: dayjs(),
          subjectType: 'member',
          senderIdentity: 'named',
          senderAddressKnown: true,
          secrecy: 0,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="bodyOrgId"
              label="Cơ quan tiếp nhận"
              rules={[{ required: true, message: 'Chọn cơ quan tiếp nhận đơn' }]}
              extra="Tổ chức đảng có ủy ban kiểm tra hoặc chi bộ nhận đơn; hạn giải quyết tính theo cấp này."
            >
              <OrgPicker
                known={home ? [{ id: home.orgId, name: home.orgName }] : []}
                data-testid="petition-body"
                aria-label="Cơ quan tiếp nhận"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="kind" label="Loại đơn" rules={[{ required: true, message: 'Chọn loại đơn' }]}>
              <Select options={kindOptions} data-testid="petition-kind" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="receivedOn" label="Ngày nhận đơn" rules={[{ required: true, message: 'Nhập ngày nhận (dd/mm/yyyy)' }]}>
              <DatePicker
                format={VN_DATE_FORMATS}
                placeholder={VN_DATE_PLACEHOLDER}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                style={{ width: '100%' }}
                data-testid="petition-received"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label="Kênh tiếp nhận" rules={[{ required: true, message: 'Chọn kênh tiếp nhận' }]}>
              <Select options={channelOptions} data-testid="petition-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="secrecy" label="Độ mật">
              <Select options={secrecyOptions} data-testid="petition-secrecy" />
            </Form.Item>
          </Col>
          {forwarded && (
            <>
              <Col xs={24} md={12}>
                <Form.Item
                  name="sourceName"
                  label={channel === 'press' ? 'Tên báo, tạp chí' : 'Cơ quan chuyển đơn'}
                  rules={[{ required: true, whitespace: true, message: 'Ghi cơ quan chuyển đơn hoặc tên báo' }]}
                >
                  <Input maxLength={300} data-testid="petition-source-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="sourceRef" label={channel === 'press' ? 'Bài báo (tên, số, ngày đăng)' : 'Số, ngày văn bản chuyển đơn'}>
                  <Input maxLength={300} data-testid="petition-source-ref" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>
          Nội dung đơn
        </Divider>
        <SubjectFields form={form} />
        <Form.Item
          name="title"
          label="Trích yếu"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Ghi trích yếu nội dung đơn (ít nhất 5 ký tự)' }]}
        >
          <Input maxLength={300} placeholder="Ví dụ: Tố cáo việc giao đất trái thẩm quyền tại thôn 3" data-testid="petition-title" />
        </Form.Item>
        <Form.Item
          name="content"
          label="Nội dung đơn"
          rules={[{ required: true, whitespace: true, min: 20, message: 'Chép nội dung chính của đơn (ít nhất 20 ký tự)' }]}
          extra="Chép hoặc tóm tắt đầy đủ nội dung; hệ thống dùng nội dung này để đề xuất lĩnh vực và tìm đơn trùng, đơn liên quan."
        >
          <Input.TextArea rows={6} maxLength={100_000} data-testid="petition-content" />
        </Form.Item>
        <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>
          Người gửi đơn
        </Divider>
        <SenderFields form={form} />
      </Form>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Bản chụp đơn và tài liệu kèm theo được đính kèm ngay sau khi vào sổ.
      </Typography.Paragraph>
    </Modal>
  );
}
