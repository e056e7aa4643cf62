// Case facts → the document model, per document type and family (domain.md §3: the DH, KT and GS
// sets). Pure: the numbers and dates come in, nothing is read or written here.
import { CASE_STEPS, stepLabel } from '../../../../common/cases.ts';
import type { DocType } from '../../../../common/documents.ts';
import { composeMinutes, composeNotice, composeResults } from './compose-records.ts';
import { shortDate } from './dates.ts';
import { type CaseFacts, familyOf } from './facts.ts';
import { archive, capital, frame, type Issue, reportTo } from './frame.ts';
import { type DocumentModel, type Paragraph, p } from './model.ts';
import { decisionPhrase, kindPhrase, legalBasis, planPhrase, Subject, subject, team, teamLines, timePhrase, work } from './words.ts';

export type { Issue };

export function composeDocument(type: DocType, f: CaseFacts, issue: Issue): DocumentModel {
  switch (type) {
    case 'decision':
      return composeDecision(f, issue);
    case 'plan':
      return composePlan(f, issue);
    case 'outline':
      return composeOutline(f, issue);
    case 'minutes_handover':
    case 'minutes_work':
    case 'minutes_meeting':
      return composeMinutes(type, f, issue);
    case 'results_report':
      return composeResults(f, issue);
    case 'conclusion_notice':
      return composeNotice(f, issue);
  }
}

/** The title a document of this type carries for this case (also stored as the document's title). */
export function documentTitle(type: DocType, f: CaseFacts): string {
  const m = composeDocument(type, f, { issuedOn: '2000-01-01', numberText: null });
  return `${m.title.charAt(0)}${m.title.slice(1).toLocaleLowerCase('vi')} ${m.subtitle ?? ''}`.trim();
}

function composeDecision(f: CaseFacts, issue: Issue): DocumentModel {
  const t = team(f);
  const body: Paragraph[] = [
    p('center', f.issuer.fullName.toLocaleUpperCase('vi')),
    ...legalBasis(f),
    p('center', 'QUYẾT ĐỊNH:'),
    p('body', { text: 'Điều 1. ', bold: true }, `${capital(kindPhrase(f))} đối với ${subject(f)}.`),
    p('body', `Nội dung ${work(f)}: ${f.topic.trim().replace(/\.$/, '')}.`),
  ];
  if (f.kind === 'inspection.signs' && f.grounds) body.push(p('body', `Dấu hiệu vi phạm: ${f.grounds.trim().replace(/\.$/, '')}.`));
  body.push(
    p('body', `Thời gian ${work(f)}: ${timePhrase(f)}.`),
    p('body', { text: 'Điều 2. ', bold: true }, `Thành lập ${t} gồm các đồng chí có tên sau:`),
    ...teamLines(f),
    p(
      'body',
      `${t} có nhiệm vụ xây dựng kế hoạch, tiến hành ${work(f)} theo đúng quy định và báo cáo kết quả với ${f.issuer.fullName}; tự giải thể sau khi hoàn thành nhiệm vụ.`,
    ),
    p(
      'body',
      { text: 'Điều 3. ', bold: true },
      `${t}, ${subject(f)} và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`,
    ),
  );
  return {
    ...frame(f, issue),
    title: 'QUYẾT ĐỊNH',
    subtitle: `về việc ${kindPhrase(f)} đối với ${subject(f)}`,
    note: null,
    body,
    recipients: ['- Như Điều 3,', ...reportTo(f), archive(f)],
  };
}

const PURPOSES: Record<ReturnType<typeof familyOf>, string[]> = {
  signs: [
    'Kết luận đúng, sai đối với các dấu hiệu vi phạm của đối tượng; nếu có vi phạm thì xem xét, xử lý hoặc đề nghị xử lý kịp thời, đúng quy định; nếu không có vi phạm thì kết luận rõ để bảo vệ đối tượng.',
    'Việc kiểm tra bảo đảm đúng nguyên tắc, phương pháp, quy trình, thủ tục theo quy định của Đảng; khách quan, công tâm, thận trọng, chính xác.',
  ],
  thematic: [
    'Đánh giá đúng ưu điểm, khuyết điểm, vi phạm (nếu có) của đối tượng trong việc thực hiện nội dung được kiểm tra; giúp đối tượng phát huy ưu điểm, khắc phục, sửa chữa khuyết điểm.',
    'Việc kiểm tra bảo đảm đúng nguyên tắc, phương pháp, quy trình, thủ tục theo quy định của Đảng; không gây trở ngại cho hoạt động bình thường của đối tượng.',
  ],
  supervision: [
    'Chủ động theo dõi, nắm tình hình, nhận xét, đánh giá ưu điểm, khuyết điểm của đối tượng; kịp thời nhắc nhở, chấn chỉnh, phòng ngừa vi phạm; phát hiện dấu hiệu vi phạm thì đề nghị kiểm tra.',
    'Việc giám sát bảo đảm đúng nguyên tắc, phương pháp, quy trình theo quy định của Đảng; công khai, dân chủ, khách quan.',
  ],
};

function composePlan(f: CaseFacts, issue: Issue): DocumentModel {
  const steps = CASE_STEPS[f.kind].filter((s) => s !== 'closed');
  const body: Paragraph[] = [
    p(
      'body',
      `Thực hiện ${decisionPhrase(f)} về việc ${kindPhrase(f)} đối với ${subject(f)}, ${f.issuer.fullName} ban hành Kế hoạch như sau:`,
    ),
    p('heading', 'I. MỤC ĐÍCH, YÊU CẦU'),
    ...PURPOSES[familyOf(f.kind)].map((t) => p('body', t)),
    p('heading', 'II. NỘI DUNG'),
    p('body', `${capital(f.topic.trim().replace(/\.$/, ''))}.`),
  ];
  if (f.kind === 'inspection.signs' && f.grounds)
    body.push(p('body', `Dấu hiệu vi phạm cần làm rõ: ${f.grounds.trim().replace(/\.$/, '')}.`));
  body.push(
    p('heading', 'III. ĐỐI TƯỢNG, THỜI GIAN'),
    p('body', `1. Đối tượng ${work(f)}: ${subject(f)}.`),
    p('body', `2. Thời gian ${work(f)}: ${timePhrase(f)}.`),
  );
  if (f.programme?.periodFrom && f.programme.periodTo)
    body.push(
      p('body', `3. Thời kỳ ${work(f)}: từ ngày ${shortDate(f.programme.periodFrom)} đến ngày ${shortDate(f.programme.periodTo)}.`),
    );
  body.push(p('heading', 'IV. PHƯƠNG PHÁP, TRÌNH TỰ TIẾN HÀNH'));
  steps.forEach((s, idx) => {
    const due = f.stepDues.filter((d) => d.step === s).at(-1)?.dueOn;
    body.push(p('item', `${idx + 1}. ${stepLabel(f.kind, s)}${due ? ` (hoàn thành trước ngày ${shortDate(due)})` : ''}.`));
  });
  body.push(
    p('heading', 'V. TỔ CHỨC THỰC HIỆN'),
    p('body', `1. ${team(f)} gồm các đồng chí:`),
    ...teamLines(f, 'dash'),
    p(
      'body',
      `2. ${Subject(f)} chuẩn bị báo cáo theo đề cương kèm theo Kế hoạch này, cung cấp hồ sơ, tài liệu liên quan và làm việc với ${team(f)} theo lịch thống nhất.`,
    ),
    p('body', `3. ${team(f)} thực hiện đúng quy trình, báo cáo kết quả với ${f.issuer.fullName} khi kết thúc.`),
  );
  return {
    ...frame(f, issue),
    title: 'KẾ HOẠCH',
    subtitle: `${kindPhrase(f)} đối với ${subject(f)}`,
    note: null,
    body,
    recipients: [`- ${capital(subject(f))} (để thực hiện),`, `- ${team(f)},`, ...reportTo(f), archive(f)],
  };
}

const OUTLINES: Record<ReturnType<typeof familyOf>, { subtitle: string; sections: [string, string[]][] }> = {
  signs: {
    subtitle: 'gợi ý báo cáo tự kiểm điểm, giải trình',
    sections: [
      ['I. TÓM TẮT CHỨC VỤ, NHIỆM VỤ ĐƯỢC GIAO (hoặc đặc điểm tình hình của tổ chức đảng)', []],
      ['II. TỰ KIỂM ĐIỂM, GIẢI TRÌNH VỀ CÁC DẤU HIỆU VI PHẠM', ['Giải trình rõ từng nội dung, nêu căn cứ, tài liệu chứng minh.']],
      ['III. TỰ NHẬN XÉT, ĐÁNH GIÁ, XÁC ĐỊNH TRÁCH NHIỆM', ['Nêu rõ đúng, sai; nguyên nhân; trách nhiệm của tập thể, cá nhân.']],
      ['IV. ĐỀ XUẤT, KIẾN NGHỊ', []],
    ],
  },
  thematic: {
    subtitle: 'báo cáo tự kiểm tra',
    sections: [
      ['I. ĐẶC ĐIỂM TÌNH HÌNH', []],
      ['II. KẾT QUẢ THỰC HIỆN NỘI DUNG ĐƯỢC KIỂM TRA', ['Ưu điểm; hạn chế, khuyết điểm, vi phạm (nếu có); nguyên nhân.']],
      ['III. TỰ ĐÁNH GIÁ, XÁC ĐỊNH TRÁCH NHIỆM', []],
      ['IV. PHƯƠNG HƯỚNG, GIẢI PHÁP KHẮC PHỤC; ĐỀ XUẤT, KIẾN NGHỊ', []],
    ],
  },
  supervision: {
    subtitle: 'báo cáo phục vụ giám sát',
    sections: [
      ['I. ĐẶC ĐIỂM TÌNH HÌNH', []],
      ['II. KẾT QUẢ THỰC HIỆN NỘI DUNG ĐƯỢC GIÁM SÁT', ['Kết quả đạt được; hạn chế, khuyết điểm; nguyên nhân.']],
      ['III. BÀI HỌC KINH NGHIỆM', []],
      ['IV. GIẢI PHÁP; ĐỀ XUẤT, KIẾN NGHỊ', []],
    ],
  },
};

/** The outline is unnumbered: an annex of the plan, naming the plan's number when it has one. */
function composeOutline(f: CaseFacts, issue: Issue): DocumentModel {
  const o = OUTLINES[familyOf(f.kind)];
  const body: Paragraph[] = [p('body', `Nội dung ${work(f)}: ${f.topic.trim().replace(/\.$/, '')}.`)];
  if (f.kind === 'inspection.signs' && f.grounds)
    body.push(p('body', `Dấu hiệu vi phạm cần giải trình: ${f.grounds.trim().replace(/\.$/, '')}.`));
  for (const [heading, lines] of o.sections) {
    body.push(p('heading', heading), ...lines.map((l) => p('body', l)), p('blank', '.'.repeat(120)));
  }
  body.push(p('body', `Báo cáo gửi ${team(f)} trước ngày ............, đồng thời gửi bản điện tử (nếu có).`));
  return {
    ...frame(f, { ...issue, numberText: null }),
    title: 'ĐỀ CƯƠNG',
    subtitle: `${o.subtitle} của ${subject(f)}`,
    note: `(Kèm theo ${planPhrase(f)})`,
    body,
    recipients: [],
    signatures: { left: null, right: null },
  };
}
