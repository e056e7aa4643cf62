// Placeholder until its module lands (issue #5).
import { PageHeader } from '../components/PageHeader.tsx';

export function DisciplineMatterPage() {
  return <PageHeader title="Đang xây dựng" />;
}
