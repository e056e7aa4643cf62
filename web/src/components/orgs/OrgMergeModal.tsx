// "Sáp nhập": the chosen units end and their members move into this one.
import { Alert, Button, DatePicker, Form, Input, List, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Org } from '../../../../common/orgs.ts';
import { orgLifecycleApi } from '../../api/orgs.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { OrgPicker } from '../OrgPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';
import { OrgName } from './OrgName.tsx';

interface Values {
  date: Dayjs;
  decisionNo?: string;
  note?: string;
}

export function OrgMergeModal({ org, onClose, onDone }: { org: Org; onClose: () => void; onDone: (o: Org) => void }) {
  const [form] = Form.useForm<Values>();
  const [next, setNext] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);

  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      orgLifecycleApi.merge({
        fromIds: chosen,
        intoId: org.id,
        date: dayToIso(v.date) ?? '',
        decisionNo: v.decisionNo?.trim() || null,
        note: v.note?.trim() || null,
      }),
    onDone,
    null,
    () => (chosen.length === 0 ? 'Chọn ít nhất một tổ chức được sáp nhập vào đơn vị này.' : null),
  );

  return (
    <Modal
      open
      title={`Sáp nhập vào ${org.name}`}
      okText="Sáp nhập"
      okButtonProps={{ 'data-testid': 'org-merge-confirm' }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item label="Các tổ chức được sáp nhập" required>
          <Space.Compact style={{ width: '100%' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <OrgPicker
                value={next}
                onChange={setNext}
                exclude={[org.id, ...chosen]}
                aria-label="Tổ chức được sáp nhập"
                data-testid="org-merge-pick"
              />
            </div>
            <Button
              disabled={!next}
              onClick={() => {
                if (next) setChosen((c) => [...c, next]);
                setNext(undefined);
              }}
            >
              Thêm
            </Button>
          </Space.Compact>
          <List
            size="small"
            dataSource={chosen}
            locale={{ emptyText: 'Chưa chọn tổ chức nào.' }}
            renderItem={(id) => (
              <List.Item
                actions={[
                  <Button key="x" size="small" type="link" onClick={() => setChosen((c) => c.filter((x) => x !== id))}>
                    Bỏ
                  </Button>,
                ]}
              >
                <OrgName id={id} />
              </List.Item>
            )}
          />
        </Form.Item>
        <Form.Item label="Ngày hiệu lực" name="date" rules={[{ required: true, message: 'Nhập ngày hiệu lực (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
        </Form.Item>
        <Form.Item label="Số quyết định" name="decisionNo">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
