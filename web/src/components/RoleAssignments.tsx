// Role assignments of a user: each a role (ROLE_LABELS) on an organisation subtree.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import { ROLE_LABELS, ROLES } from '../../../common/roles.ts';
import { OrgPicker } from './OrgPicker.tsx';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function RoleAssignments({ known }: { known: { id: string; name: string }[] }) {
  return (
    <Form.List
      name="roles"
      rules={[
        {
          validator: async (_, roles: unknown[] | undefined) => {
            if (!roles || roles.length === 0) throw new Error('Cần gán ít nhất một vai trò');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label="Vai trò và phạm vi (tổ chức)" required>
          {fields.map((field, i) => (
            <Space key={field.key} align="start" style={{ display: 'flex', width: '100%' }} data-testid={`user-role-row-${i}`}>
              <Form.Item
                name={[field.name, 'role']}
                rules={[{ required: true, message: 'Chọn vai trò' }]}
                style={{ width: 230, marginBottom: 8 }}
              >
                <Select options={roleOptions} placeholder="Vai trò" aria-label="Vai trò" data-testid={`user-role-${i}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgId']}
                rules={[{ required: true, message: 'Chọn tổ chức' }]}
                style={{ width: 330, marginBottom: 8 }}
              >
                <OrgPicker known={known} data-testid={`user-role-org-${i}`} />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label="Bỏ vai trò này"
                onClick={() => remove(field.name)}
                disabled={fields.length === 1}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'viewer' })} data-testid="user-role-add">
            Thêm vai trò
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
