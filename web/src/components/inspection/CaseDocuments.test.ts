// The documents card as the server renders it: the buttons (with the test ids the browser tests use),
// the number, the download links to the file endpoints, and the reason a type is not offered yet.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { CaseDocuments as Docs } from '../../../../common/documents.ts';

vi.mock('../session.tsx', () => ({
  useSession: () => ({ user: { permissions: ['inspection.read', 'inspection.write'] } }),
  hasPermission: (me: { user: { permissions: string[] } }, p: string) => me.user.permissions.includes(p),
}));

const { CaseDocuments } = await import('./CaseDocuments.tsx');

const data: Docs = {
  caseId: 'c1',
  items: [
    {
      docType: 'decision',
      label: 'Quyết định thành lập đoàn',
      available: true,
      reason: null,
      numbered: true,
      revisions: [
        {
          id: 'd2',
          caseId: 'c1',
          docType: 'decision',
          title: 'Quyết định về việc kiểm tra',
          revision: 2,
          number: 1,
          numberText: '1-QĐ/UBKTĐU',
          year: 2025,
          fileName: 'a.docx',
          size: 10,
          generatedAt: '2025-11-12T02:00:00Z',
          signed: { fileName: 'k.pdf', mime: 'application/pdf', size: 5, at: '2025-11-12T03:00:00Z' },
        },
        {
          id: 'd1',
          caseId: 'c1',
          docType: 'decision',
          title: 'Quyết định về việc kiểm tra',
          revision: 1,
          number: 1,
          numberText: '1-QĐ/UBKTĐU',
          year: 2025,
          fileName: 'a.docx',
          size: 10,
          generatedAt: '2025-11-11T02:00:00Z',
          signed: null,
        },
      ],
    },
    {
      docType: 'conclusion_notice',
      label: 'Thông báo kết luận, kết quả',
      available: false,
      reason: 'Chưa có kết luận của cơ quan ra quyết định.',
      numbered: true,
      revisions: [],
    },
  ],
};

describe('CaseDocuments', () => {
  it('lists each type with its number, actions, download links and the reason when not offered', () => {
    const qc = new QueryClient();
    qc.setQueryData(['case-documents', 'c1'], data);
    const html = renderToString(createElement(QueryClientProvider, { client: qc }, createElement(CaseDocuments, { caseId: 'c1' })));
    for (const t of [
      'doc-generate-decision',
      'doc-download-decision',
      'doc-signed-upload-decision',
      'doc-signed-download-decision',
      'doc-generate-conclusion_notice',
      '1-QĐ/UBKTĐU',
      'Tạo lại',
      'Tạo văn bản',
      'Chưa có kết luận',
      '/api/v1/case-documents/d2/file',
      '/api/v1/case-documents/d2/signed',
    ])
      expect(html, t).toContain(t);
  });
});
