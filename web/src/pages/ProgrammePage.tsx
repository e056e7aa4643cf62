// Placeholder until its module lands (issue #4).
import { PageHeader } from '../components/PageHeader.tsx';

export function ProgrammePage() {
  return <PageHeader title="Đang xây dựng" />;
}
