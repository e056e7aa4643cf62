// Committee members' regular supervision (issue #4 point 6): a committee member reports on their area
// every six months and every year; the UBKT sees who has not and compiles for the standing committee.
import { Result, Tabs } from 'antd';
import { PageHeader } from '../components/PageHeader.tsx';
import { hasPermission, useSession } from '../components/session.tsx';
import { MyReports } from '../components/supervision/MyReports.tsx';
import { PeriodStatusView } from '../components/supervision/PeriodStatusView.tsx';

export function SupervisionReportsPage() {
  const me = useSession();
  const reports = hasPermission(me, 'supervision.report');
  const reads = hasPermission(me, 'inspection.read');
  const writes = hasPermission(me, 'inspection.write');
  const items = [
    ...(reports ? [{ key: 'mine', label: 'Báo cáo của tôi', children: <MyReports /> }] : []),
    ...(reads ? [{ key: 'status', label: 'Tình hình báo cáo, tổng hợp', children: <PeriodStatusView canWrite={writes} /> }] : []),
  ];
  return (
    <>
      <PageHeader
        title="Giám sát thường xuyên của cấp ủy viên"
        description="Mỗi cấp ủy viên được phân công địa bàn, lĩnh vực giám sát và báo cáo kết quả 6 tháng, hằng năm; Ủy ban Kiểm tra theo dõi báo cáo chưa gửi và tổng hợp báo cáo Ban Thường vụ."
      />
      {items.length === 0 ? (
        <Result status="403" title="Bạn không có quyền xem mục này." />
      ) : (
        <Tabs items={items} defaultActiveKey={items[0]?.key} destroyOnHidden />
      )}
    </>
  );
}
