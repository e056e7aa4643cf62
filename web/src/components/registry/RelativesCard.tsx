// Declared relatives (spouse, children, parents…) with their own identifiers, needed later for asset
// declarations and conflict-of-interest checks. Editors add and remove them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Popconfirm, Row, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { cccdProblem } from '../../../../common/cccd.ts';
import { RELATION_LABELS, RELATIONS, type Relation } from '../../../../common/members.ts';
import { errorMessage } from '../../api/client.ts';
import { type Member, type MemberRelative, membersApi } from '../../api/members.ts';
import { formatDate } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  relation: Relation;
  fullName: string;
  birthDate?: Dayjs | null;
  cccd?: string;
  occupation?: string;
  workplace?: string;
}

const relationOptions = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));

function RelativeFormModal({ member, onClose, onSaved }: { member: Member; onClose: () => void; onSaved: (m: Member) => void }) {
  const [form] = Form.useForm<Values>();
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      membersApi.addRelative(member.id, {
        relation: v.relation,
        fullName: v.fullName.trim(),
        birthDate: dayToIso(v.birthDate),
        cccd: v.cccd?.trim() || null,
        occupation: v.occupation?.trim() || null,
        workplace: v.workplace?.trim() || null,
      }),
    onSaved,
    null,
  );
  return (
    <Modal
      open
      title={`Thêm người thân của ${member.fullName}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical">
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item label="Quan hệ" name="relation" rules={[{ required: true, message: 'Chọn quan hệ' }]}>
              <Select options={relationOptions} placeholder="Chọn" data-testid="relative-relation" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              label="Họ và tên"
              name="fullName"
              rules={[{ required: true, whitespace: true, min: 2, message: 'Họ và tên có ít nhất 2 ký tự' }]}
            >
              <Input maxLength={200} data-testid="relative-name" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item label="Ngày sinh" name="birthDate">
              <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              label="Số CCCD"
              name="cccd"
              rules={[
                {
                  validator: (_r, v: string) =>
                    v?.trim() && cccdProblem(v) ? Promise.reject(new Error(cccdProblem(v) ?? '')) : Promise.resolve(),
                },
              ]}
            >
              <Input inputMode="numeric" maxLength={16} autoComplete="off" data-testid="relative-cccd" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Nghề nghiệp" name="occupation">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Nơi làm việc" name="workplace">
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RelativesCard({ member, canWrite, onSaved }: { member: Member; canWrite: boolean; onSaved: (m: Member) => void }) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const remove = async (r: MemberRelative) => {
    try {
      onSaved(await membersApi.removeRelative(member.id, r.id));
      message.success(`Đã xóa ${r.fullName} khỏi danh sách người thân.`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card
      title="Người thân"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="relative-add">
            Thêm người thân
          </Button>
        )
      }
    >
      <Table<MemberRelative>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={member.relatives}
        scroll={{ x: 760 }}
        locale={{ emptyText: 'Chưa kê khai người thân.' }}
        data-testid="relatives-table"
        columns={[
          { title: 'Quan hệ', dataIndex: 'relation', width: 120, render: (r: Relation) => RELATION_LABELS[r] ?? r },
          { title: 'Họ và tên', dataIndex: 'fullName', width: 180 },
          { title: 'Ngày sinh', dataIndex: 'birthDate', width: 110, render: (d: string | null) => (d ? formatDate(d) : '—') },
          {
            title: 'Số CCCD',
            dataIndex: 'cccdMasked',
            width: 140,
            render: (c: string | null) =>
              c ? <span style={{ fontFamily: 'monospace' }}>{c}</span> : <Typography.Text type="secondary">Chưa có</Typography.Text>,
          },
          { title: 'Nghề nghiệp', dataIndex: 'occupation', width: 140, render: (s: string | null) => s ?? '—' },
          { title: 'Nơi làm việc', dataIndex: 'workplace', width: 160, render: (s: string | null) => s ?? '—' },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 70,
                  render: (_: unknown, r: MemberRelative) => (
                    <Popconfirm
                      title={`Xóa ${r.fullName} khỏi danh sách người thân?`}
                      okText="Xóa"
                      cancelText="Không"
                      onConfirm={() => remove(r)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`Xóa ${r.fullName}`}
                        data-testid="relative-remove"
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <RelativeFormModal
          member={member}
          onClose={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            message.success('Đã thêm người thân.');
            onSaved(m);
          }}
        />
      )}
    </Card>
  );
}
