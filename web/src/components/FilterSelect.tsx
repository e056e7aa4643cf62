// A list page's clearable filter: one label read as the placeholder and by screen readers, full column width.
import { Select } from 'antd';

export function FilterSelect(props: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  'data-testid': string;
}) {
  return (
    <Select
      allowClear
      value={props.value}
      onChange={(v?: string) => props.onChange(v)}
      options={props.options}
      placeholder={props.label}
      aria-label={props.label}
      style={{ width: '100%' }}
      data-testid={props['data-testid']}
    />
  );
}
