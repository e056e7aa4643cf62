// A module not built yet says so plainly; it never shows invented data.
import { Card, Result } from 'antd';
import type { ModuleInfo } from '../../../common/modules.ts';
import { PageHeader } from '../components/PageHeader.tsx';

export function ModulePlaceholderPage({ module }: { module: ModuleInfo }) {
  return (
    <>
      <PageHeader title={module.label} description={module.description} />
      <Card>
        <Result status="info" title="Chức năng này chưa được xây dựng." data-testid="module-not-ready" />
      </Card>
    </>
  );
}
