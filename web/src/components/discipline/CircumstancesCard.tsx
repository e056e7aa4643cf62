// The mitigating and aggravating circumstances of a matter (Quy định 69-QĐ/TW, Điều 3), with a note;
// saved with the version read (409 when someone saved first).
import { Alert, Button, Card, Checkbox, Form, Input } from 'antd';
import { AGGRAVATING, AGGRAVATING_LABELS, MITIGATING, MITIGATING_LABELS } from '../../../../common/discipline.ts';
import { disciplineApi, type MatterDetail } from '../../api/discipline.ts';
import { useFormSubmit } from '../useFormSubmit.ts';

interface Values {
  mitigating: string[];
  aggravating: string[];
  circumstancesNote?: string;
}

export function CircumstancesCard(props: { m: MatterDetail; canWrite: boolean; onSaved: () => void; onReload: () => void }) {
  const { m, canWrite } = props;
  const [form] = Form.useForm<Values>();
  const s = useFormSubmit(
    form,
    (v) =>
      disciplineApi.update(m.id, {
        mitigating: v.mitigating as (typeof MITIGATING)[number][],
        aggravating: v.aggravating as (typeof AGGRAVATING)[number][],
        circumstancesNote: v.circumstancesNote?.trim() || null,
        version: m.version,
      }),
    props.onSaved,
    props.onReload,
  );
  const editable = canWrite && (m.status === 'open' || m.status === 'postponed');
  return (
    <Card title="Tình tiết giảm nhẹ, tăng nặng">
      {s.error && <Alert type="error" showIcon title={s.error} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!editable}
        key={m.version}
        initialValues={{ mitigating: m.mitigating, aggravating: m.aggravating, circumstancesNote: m.circumstancesNote ?? '' }}
      >
        <Form.Item name="mitigating" label="Giảm nhẹ">
          <Checkbox.Group
            options={MITIGATING.map((c) => ({ value: c, label: MITIGATING_LABELS[c] }))}
            style={{ display: 'grid', gap: 4 }}
          />
        </Form.Item>
        <Form.Item name="aggravating" label="Tăng nặng">
          <Checkbox.Group
            options={AGGRAVATING.map((c) => ({ value: c, label: AGGRAVATING_LABELS[c] }))}
            style={{ display: 'grid', gap: 4 }}
          />
        </Form.Item>
        <Form.Item name="circumstancesNote" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        {editable && (
          <Button onClick={s.submit} loading={s.busy} data-testid="circumstances-save">
            Lưu tình tiết
          </Button>
        )}
      </Form>
    </Card>
  );
}
