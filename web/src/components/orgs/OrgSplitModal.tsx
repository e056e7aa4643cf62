// "Chia tách": the unit ends and two or more new units take its place; each member is assigned to
// one of the new units.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Divider, Form, Input, Modal, Row, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MemberListItem } from '../../../../common/members.ts';
import { ORG_KIND_LABELS, ORG_KINDS, type Org, type OrgKind } from '../../../../common/orgs.ts';
import { membersApi } from '../../api/members.ts';
import { orgLifecycleApi } from '../../api/orgs.ts';
import { formatNumber } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { QueryError } from '../QueryState.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Part {
  code: string;
  name: string;
  kind: OrgKind;
}
interface Values {
  date: Dayjs;
  decisionNo?: string;
  parts: Part[];
}

const kindOptions = ORG_KINDS.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));

export function OrgSplitModal({ org, onClose, onDone }: { org: Org; onClose: () => void; onDone: (o: Org[]) => void }) {
  const [form] = Form.useForm<Values>();
  const [assigned, setAssigned] = useState<Record<string, number>>({});
  const members = useQuery({
    queryKey: ['members', 'split', org.id],
    queryFn: () => membersApi.list({ orgId: org.id, page: 1, pageSize: 200 }),
  });
  const parts = (Form.useWatch('parts', form) ?? []) as Partial<Part>[];
  const partOptions = parts.map((p, i) => ({ value: i, label: `${i + 1}. ${p?.name || 'Đơn vị mới'}` }));
  const partOf = (id: string) => Math.min(assigned[id] ?? 0, Math.max(parts.length - 1, 0));

  const { submit, busy, error } = useFormSubmit(
    form,
    (v) => {
      const items = members.data?.items ?? [];
      return orgLifecycleApi.split(org.id, {
        date: dayToIso(v.date) ?? '',
        decisionNo: v.decisionNo?.trim() || null,
        parts: v.parts.map((p, i) => ({
          code: p.code.trim(),
          name: p.name.trim(),
          kind: p.kind,
          memberIds: items.filter((m) => partOf(m.id) === i).map((m) => m.id),
        })),
      });
    },
    onDone,
    null,
  );

  return (
    <Modal
      open
      title={`Chia tách: ${org.name}`}
      okText="Chia tách"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={860}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), parts: [1, 2].map(() => ({ code: '', name: '', kind: org.kind })) }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="Ngày hiệu lực" name="date" rules={[{ required: true, message: 'Nhập ngày hiệu lực (dd/mm/yyyy)' }]}>
              <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="Số quyết định" name="decisionNo">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>Các đơn vị mới</Typography.Title>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col xs={24} sm={6}>
                    <Form.Item
                      name={[f.name, 'code']}
                      label={`Mã đơn vị ${i + 1}`}
                      rules={[{ required: true, pattern: /^[A-Za-z0-9_]{1,40}$/, message: 'Chữ không dấu, chữ số, gạch dưới' }]}
                    >
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label="Tên"
                      rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập tên đơn vị' }]}
                    >
                      <Input maxLength={300} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} sm={7}>
                    <Form.Item name={[f.name, 'kind']} label="Loại" rules={[{ required: true, message: 'Chọn loại' }]}>
                      <Select options={kindOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} sm={1} style={{ paddingTop: 30 }}>
                    {fields.length > 2 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`Bỏ đơn vị ${i + 1}`}
                        onClick={() => remove(f.name)}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', kind: org.kind })}>
                Thêm đơn vị mới
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      <Divider />
      <Typography.Title level={5}>Đảng viên chuyển sang đơn vị mới</Typography.Title>
      {members.error ? (
        <QueryError error={members.error} />
      ) : (
        <>
          {members.data && members.data.total > members.data.items.length && (
            <Alert
              type="warning"
              showIcon
              title={`Đơn vị có ${formatNumber(members.data.total)} đảng viên; chỉ phân được 200 người đầu ở đây.`}
              style={{ marginBottom: 8 }}
            />
          )}
          <Table<MemberListItem>
            rowKey="id"
            size="small"
            loading={members.isPending}
            dataSource={members.data?.items ?? []}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            locale={{ emptyText: 'Đơn vị không có đảng viên.' }}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Chi bộ hiện tại', dataIndex: 'orgName' },
              {
                title: 'Chuyển sang',
                key: 'part',
                width: 260,
                render: (_, m) => (
                  <Select
                    value={partOf(m.id)}
                    options={partOptions}
                    onChange={(v: number) => setAssigned((a) => ({ ...a, [m.id]: v }))}
                    style={{ width: '100%' }}
                    aria-label={`Đơn vị mới của ${m.fullName}`}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
