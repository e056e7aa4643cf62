// How a page shows a failed load: a plain Vietnamese sentence, including for parts of the API that
// the server does not offer yet (404 on the address itself) — never invented data.
import { Alert, Result } from 'antd';
import { errorMessage, isNotWired, NOT_WIRED_MESSAGE } from '../api/client.ts';

export function QueryError({ error, testId }: { error: unknown; testId?: string }) {
  if (isNotWired(error)) {
    return <Result status="info" title="Chưa sẵn sàng" subTitle={NOT_WIRED_MESSAGE} data-testid={testId ?? 'not-ready'} />;
  }
  return <Alert type="error" showIcon title={errorMessage(error)} data-testid={testId} style={{ marginBottom: 16 }} />;
}
