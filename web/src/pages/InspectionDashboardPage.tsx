// Placeholder until its module lands (issue #4).
import { PageHeader } from '../components/PageHeader.tsx';

export function InspectionDashboardPage() {
  return <PageHeader title="Đang xây dựng" />;
}
