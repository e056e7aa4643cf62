// A programme's status as a coloured tag, with the revision it is at once approved.
import { Tag } from 'antd';
import { PROGRAMME_STATUS_LABELS, type ProgrammeStatus } from '../../../../common/programmes.ts';

const COLOURS: Record<ProgrammeStatus, string> = { draft: 'default', approved: 'green', amending: 'orange' };

export function ProgrammeStatusTag({ status, revision }: { status: ProgrammeStatus; revision: number }) {
  return (
    <Tag color={COLOURS[status]} data-testid="programme-status">
      {PROGRAMME_STATUS_LABELS[status]}
      {revision > 0 ? ` (lần ${revision})` : ''}
    </Tag>
  );
}
