// The team (đoàn, tổ kiểm tra / giám sát): seats with roles, from the registry, the users or by name.
// The server refuses the subject and the subject's recorded relatives and says why (Quy định 296-QĐ/TW).
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Table,
  Tooltip,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { TEAM_ROLE_LABELS, type TeamRole } from '../../../../common/cases.ts';
import { type CaseDetail, casesApi } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { MemberPicker } from '../MemberPicker.tsx';
import { useFormSubmit } from '../useFormSubmit.ts';

const roleOptions = Object.entries(TEAM_ROLE_LABELS).map(([value, label]) => ({ value, label }));

interface Values {
  source: 'member' | 'named';
  memberId?: string;
  fullName?: string;
  birthDate?: Dayjs;
  position?: string;
  role: TeamRole;
}

function SeatModal({
  c,
  onClose,
  onSaved,
  onConflict,
}: {
  c: CaseDetail;
  onClose: () => void;
  onSaved: (c: CaseDetail) => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const { submit, busy, error } = useFormSubmit(
    form,
    (v) =>
      casesApi.addSeat(c.id, {
        memberId: v.source === 'member' ? v.memberId : undefined,
        fullName: v.source === 'named' ? v.fullName : undefined,
        birthDate: v.source === 'named' ? (dayToIso(v.birthDate) ?? undefined) : undefined,
        position: v.position?.trim() || undefined,
        role: v.role,
        version: c.version,
      }),
    onSaved,
    onConflict,
  );
  return (
    <Modal
      open
      title="Bổ sung thành viên đoàn"
      okText="Bổ sung"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'case-team-submit' } as ButtonProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="case-team-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ source: 'member', role: c.team.some((s) => s.role === 'leader') ? 'member' : 'leader' }}
      >
        <Form.Item name="source">
          <Radio.Group
            options={[
              { value: 'member', label: 'Đảng viên trong cơ sở dữ liệu' },
              { value: 'named', label: 'Người khác (nhập họ tên)' },
            ]}
          />
        </Form.Item>
        {source === 'named' ? (
          <>
            <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, min: 2, message: 'Nhập họ và tên' }]}>
              <Input maxLength={200} data-testid="case-team-name" />
            </Form.Item>
            <Form.Item label="Ngày sinh (để đối chiếu quan hệ gia đình với đối tượng)" name="birthDate">
              <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
            </Form.Item>
          </>
        ) : (
          <Form.Item label="Đảng viên" name="memberId" rules={[{ required: true, message: 'Chọn đảng viên' }]}>
            <MemberPicker data-testid="case-team-member" />
          </Form.Item>
        )}
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Chọn vai trò' }]}>
          <Select options={roleOptions} data-testid="case-team-role" />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CaseTeam({
  c,
  canWrite,
  onChanged,
  onConflict,
}: {
  c: CaseDetail;
  canWrite: boolean;
  onChanged: (c: CaseDetail) => void;
  onConflict: () => void;
}) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const allowed = canWrite && c.actions.team.allowed;
  const remove = async (seatId: string) => {
    try {
      onChanged(await casesApi.removeSeat(c.id, seatId, c.version));
    } catch (e) {
      message.error(errorMessage(e));
      onConflict();
    }
  };
  return (
    <Card
      title="Đoàn kiểm tra, giám sát"
      data-testid="case-team"
      extra={
        canWrite && (
          <Tooltip title={c.actions.team.reason}>
            <Button icon={<PlusOutlined />} disabled={!allowed} onClick={() => setAdding(true)} data-testid="case-team-add">
              Bổ sung thành viên
            </Button>
          </Tooltip>
        )
      }
    >
      {c.teamProblems.length > 0 && (
        <Alert type="warning" showIcon title={c.teamProblems.join(' ')} style={{ marginBottom: 12 }} data-testid="case-team-problems" />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.team}
        locale={{ emptyText: 'Chưa có thành viên.' }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Vai trò', dataIndex: 'role', render: (r: TeamRole) => TEAM_ROLE_LABELS[r] },
          { title: 'Chức vụ', dataIndex: 'position', render: (p: string | null) => p ?? '—' },
          ...(allowed
            ? [
                {
                  title: '',
                  key: 'x',
                  width: 90,
                  render: (_: unknown, s: CaseDetail['team'][number]) => (
                    <Popconfirm title={`Rút ${s.fullName} khỏi đoàn?`} okText="Rút" cancelText="Không" onConfirm={() => remove(s.id)}>
                      <Button size="small" danger>
                        Rút
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <SeatModal
          c={c}
          onClose={() => setAdding(false)}
          onConflict={onConflict}
          onSaved={(next) => {
            setAdding(false);
            onChanged(next);
          }}
        />
      )}
    </Card>
  );
}
