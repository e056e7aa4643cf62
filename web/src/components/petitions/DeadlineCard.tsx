// The resolution deadline (domain.md §5, §10): counted in working days from the day the competent body
// received the letter, with the rule it rests on; one extension with its reason; and the check for letters
// received shortly before a party congress, which pass to the new committee (Hướng dẫn 07-HD/UBKTTW).
import {
  Alert,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type PetitionDetail, petitionsApi } from '../../api/petitions.ts';
import { formatDate, formatDateLong, formatNumber } from '../../i18n/format.ts';
import { dayToIso, VN_DATE_FORMATS, VN_DATE_PLACEHOLDER } from '../dates.ts';
import { useFormSubmit } from '../useFormSubmit.ts';
import { ClockTag, statusLabel } from './labels.tsx';

type Deadline = NonNullable<PetitionDetail['deadline']>;
interface Props {
  p: PetitionDetail;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}

function ExtensionModal({ p, d, onClose, onSaved, onReload }: Props & { d: Deadline }) {
  const [form] = Form.useForm<{ workingDays: number; reason: string }>();
  const s = useFormSubmit(form, (v) => petitionsApi.extend(p.id, { ...v, version: p.version }), onSaved, onReload);
  return (
    <Modal
      open
      title="Gia hạn giải quyết đơn"
      okText="Gia hạn"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'petition-extend-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph>
        {`Chỉ được gia hạn một lần, không quá ${formatNumber(d.maxExtensionWorkingDays)} ngày làm việc. Hạn hiện tại: ${formatDate(d.dueOn)}; hạn muộn nhất nếu gia hạn tối đa: ${formatDate(d.latestDueOn)}.`}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ workingDays: d.maxExtensionWorkingDays }}>
        <Form.Item name="workingDays" label="Số ngày làm việc gia hạn" rules={[{ required: true, message: 'Nhập số ngày gia hạn' }]}>
          <InputNumber min={1} max={d.maxExtensionWorkingDays} precision={0} data-testid="petition-extend-days" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="Lý do gia hạn"
          rules={[{ required: true, whitespace: true, min: 5, message: 'Nêu lý do gia hạn (ít nhất 5 ký tự)' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder="Ví dụ: vụ việc phức tạp, cần xác minh thêm tại nhiều nơi" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PreCongressModal({ p, onClose, onSaved, onReload }: Props) {
  const [form] = Form.useForm<{ congressOpensOn: Dayjs | null; relatedToCongress: boolean }>();
  const s = useFormSubmit(
    form,
    (v) =>
      petitionsApi.preCongress(p.id, {
        version: p.version,
        congressOpensOn: dayToIso(v.congressOpensOn) ?? '',
        relatedToCongress: v.relatedToCongress,
      }),
    onSaved,
    onReload,
  );
  return (
    <Modal
      open
      title="Đơn nhận trước đại hội đảng bộ"
      okText="Kiểm tra"
      cancelText="Hủy"
      onOk={s.submit}
      onCancel={onClose}
      confirmLoading={s.busy}
      okButtonProps={{ 'data-testid': 'petition-precongress-submit' } as ButtonProps}
      destroyOnHidden
    >
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph>
        Đơn tố cáo liên quan đến đại hội nhận trong vòng 25 ngày làm việc (cấp cơ sở) hoặc 30 ngày làm việc (cấp trên cơ sở) trước ngày khai
        mạc đại hội thì chưa giải quyết, chuyển cấp ủy, ủy ban kiểm tra khóa mới (Hướng dẫn 07-HD/UBKTTW).
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ relatedToCongress: true }}>
        <Form.Item name="congressOpensOn" label="Ngày khai mạc đại hội" rules={[{ required: true, message: 'Nhập ngày (dd/mm/yyyy)' }]}>
          <DatePicker format={VN_DATE_FORMATS} placeholder={VN_DATE_PLACEHOLDER} />
        </Form.Item>
        <Form.Item name="relatedToCongress" label="Nội dung đơn có liên quan đến nhân sự, công tác đại hội không?">
          <Radio.Group
            options={[
              { value: true, label: 'Có' },
              { value: false, label: 'Không' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DeadlineCard({ p, canWrite, onChanged }: { p: PetitionDetail; canWrite: boolean; onChanged: (text?: string) => void }) {
  const [open, setOpen] = useState<'extend' | 'congress' | null>(null);
  const d = p.deadline;
  const running = p.clock.state !== 'stopped' && p.clock.state !== 'passed_to_new_committee';
  const pre = p.preCongress as { reason?: string } | null;
  const common = { p, onClose: () => setOpen(null), onReload: () => onChanged() };
  return (
    <Card title="Hạn giải quyết" data-testid="petition-deadline">
      {!d && <Empty description="Chưa tính hạn giải quyết cho đơn này." />}
      {d && !running && (
        <div style={{ marginBottom: 8 }} data-testid="petition-due">
          <ClockTag clock={p.clock} />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {p.clock.state === 'stopped'
              ? `${statusLabel(p.status)}: không còn tính hạn giải quyết (hạn đã đặt: ${formatDate(d.dueOn)}).`
              : 'Hạn giải quyết được tính lại khi cấp ủy, ủy ban kiểm tra khóa mới nhận hồ sơ.'}
          </Typography.Paragraph>
        </div>
      )}
      {d && running && (
        <>
          <div style={{ marginBottom: 12 }}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="petition-due">
              Hạn: {formatDateLong(d.dueOn)}
            </Typography.Text>
            <div style={{ marginTop: 4 }}>
              <ClockTag clock={p.clock} />
            </div>
          </div>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="Bắt đầu tính">{formatDate(d.startOn)}</Descriptions.Item>
            <Descriptions.Item label="Thời hạn">
              {formatNumber(d.resolveWorkingDays)} ngày làm việc
              {d.extensionDays ? `, gia hạn ${formatNumber(d.extensionDays)} ngày` : ''}
            </Descriptions.Item>
            {d.extensionReason && <Descriptions.Item label="Lý do gia hạn">{d.extensionReason}</Descriptions.Item>}
            <Descriptions.Item label="Nhắc hạn từ">{formatDate(d.remindOn)}</Descriptions.Item>
            <Descriptions.Item label="Quá hạn, báo cáo cấp trên từ">{formatDate(d.escalateOn)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            Căn cứ: {d.basis}
          </Typography.Paragraph>
        </>
      )}
      {p.passedToNewCommittee && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title="Chuyển cấp ủy, ủy ban kiểm tra khóa mới giải quyết"
          description={pre?.reason}
        />
      )}
      {!p.passedToNewCommittee && pre?.reason && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={pre.reason} />}
      {canWrite && d && running && (
        <Space wrap>
          {!d.extensionDays && d.maxExtensionWorkingDays > 0 && (
            <Button onClick={() => setOpen('extend')} data-testid="petition-extend">
              Gia hạn
            </Button>
          )}
          {p.kind === 'denunciation' && (
            <Button onClick={() => setOpen('congress')} data-testid="petition-precongress">
              Kiểm tra đơn trước đại hội
            </Button>
          )}
        </Space>
      )}
      {open === 'extend' && d && (
        <ExtensionModal
          {...common}
          d={d}
          onSaved={() => {
            setOpen(null);
            onChanged('Đã gia hạn giải quyết đơn.');
          }}
        />
      )}
      {open === 'congress' && (
        <PreCongressModal
          {...common}
          onSaved={() => {
            setOpen(null);
            onChanged('Đã ghi nhận kết quả kiểm tra.');
          }}
        />
      )}
    </Card>
  );
}
