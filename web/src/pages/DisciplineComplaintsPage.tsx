// Placeholder until its module lands (issue #5).
import { PageHeader } from '../components/PageHeader.tsx';

export function DisciplineComplaintsPage() {
  return <PageHeader title="Đang xây dựng" />;
}
