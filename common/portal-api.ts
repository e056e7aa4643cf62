// The public portal's API (/api/v1/portal, no account; issue #6, point 2). The receipt code and the
// secret travel only in request bodies (never in a URL, so never in a log or a browser history); every
// submission and status look-up carries a solved proof-of-work challenge (common/portal-pow.ts).
import { z } from 'zod';
import { text } from './fields.ts';
import { PETITION_KINDS, PETITION_STATUSES } from './petitions.ts';

/** What a citizen may send through the portal: a denunciation, a recommendation or feedback. */
export const PORTAL_KINDS = ['denunciation', 'recommendation', 'feedback'] as const satisfies readonly (typeof PETITION_KINDS)[number][];

/** Caps (also enforced by the server's multipart limits). */
export const PORTAL_LIMITS = {
  files: 5,
  fileBytes: 10 * 1024 * 1024,
  totalBytes: 25 * 1024 * 1024,
  contentChars: 20_000,
  messageChars: 5_000,
} as const;
/** Types accepted, checked by content (magic bytes), never by name: PDF, images, Word, Excel, plain text. */
export const PORTAL_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt';

export const challengeQuerySchema = z.object({ action: z.enum(['submit', 'status'], { error: 'Thao tác không hợp lệ' }) });
export const challengeSchema = z.object({
  /** Opaque, signed by the server; solve with solvePow(challenge, difficulty). */
  challenge: z.string(),
  difficulty: z.number(),
  expiresAt: z.string(),
});
export type PortalChallenge = z.infer<typeof challengeSchema>;
export const powSchema = z.object(
  { challenge: z.string().max(500), nonce: z.string().max(40) },
  { error: 'Thiếu lời giải kiểm tra chống spam' },
);

/** Bodies that receive letters on the portal (public names only). */
export const portalBodySchema = z.object({ id: z.string(), name: z.string(), level: z.string() });
export const portalBodiesSchema = z.object({ items: z.array(portalBodySchema) });
export const portalBodiesQuerySchema = z.object({
  q: z.string({ error: 'Tên cơ quan cần tìm không hợp lệ' }).trim().max(100, 'Tên cơ quan cần tìm tối đa 100 ký tự').optional(),
});

/** The `petition` field of the multipart submission (JSON), beside the `file` parts. */
export const portalSubmissionSchema = z
  .object({
    pow: powSchema,
    bodyOrgId: z.uuid({ error: 'Chọn cơ quan nhận đơn' }),
    kind: z.enum(PORTAL_KINDS, { error: 'Chọn loại đơn: tố cáo, kiến nghị hoặc phản ánh' }),
    subjectName: text('tên người hoặc tổ chức bị phản ánh, tố cáo', 2, 300),
    subjectPosition: text('chức vụ, nơi công tác', 1, 300).nullish(),
    title: text('tiêu đề', 5, 300),
    content: text('nội dung', 20, PORTAL_LIMITS.contentChars),
    /** Without identity: anonymous (kept as information unless specific, domain.md §5). */
    anonymous: z.boolean(),
    sender: z
      .object({
        name: text('họ tên', 2, 200),
        address: text('địa chỉ', 5, 500).nullish(),
        phone: z
          .string()
          .trim()
          .regex(/^[0-9+ .()-]{6,20}$/, 'Số điện thoại không hợp lệ')
          .nullish(),
        email: z.email({ error: 'Thư điện tử không hợp lệ' }).max(200).nullish(),
      })
      .nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.anonymous && !v.sender?.name)
      ctx.addIssue({ code: 'custom', path: ['sender', 'name'], message: 'Nhập họ tên, hoặc chọn gửi không nêu tên' });
  });
export type PortalSubmission = z.input<typeof portalSubmissionSchema>;

/** Shown once: the code identifies the letter, the secret proves the holder sent it. */
export const receiptSchema = z.object({ receiptCode: z.string(), secret: z.string(), receivedOn: z.string(), bodyName: z.string() });
export type PortalReceipt = z.infer<typeof receiptSchema>;

const receiptCode = z.string({ error: 'Nhập mã tiếp nhận' }).max(40, 'Mã tiếp nhận không đúng: mã gồm 16 chữ số');
const receiptSecret = z.string({ error: 'Nhập mã bí mật' }).max(80, 'Mã bí mật không đúng: kiểm tra lại mã đã lưu');
/** The whole request when it is not an object at all (a JSON null, a list, nothing). */
const requestError = { error: 'Cần gửi mã tiếp nhận và mã bí mật' };

export const statusRequestSchema = z.object({ pow: powSchema, receiptCode, secret: receiptSecret }, requestError);
export type PortalStatusRequest = z.infer<typeof statusRequestSchema>;

export const portalFileSchema = z.object({ id: z.string(), fileName: z.string(), size: z.number() });
export const portalMessageSchema = z.object({
  id: z.string(),
  author: z.enum(['sender', 'officer']),
  body: z.string(),
  createdAt: z.string(),
  files: z.array(portalFileSchema),
});
/** What the holder of code and secret sees: the status and the exchange, nothing about any officer or third party. */
export const portalStatusSchema = z.object({
  receiptCode: z.string(),
  kind: z.enum(PETITION_KINDS),
  title: z.string(),
  bodyName: z.string(),
  receivedOn: z.string(),
  status: z.enum(PETITION_STATUSES),
  statusLabel: z.string(),
  /** Plain-language explanation of where the letter stands (screening decision as told to the sender). */
  statusNote: z.string().nullable(),
  dueOn: z.string().nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  messages: z.array(portalMessageSchema),
  files: z.array(portalFileSchema),
});
export type PortalStatus = z.infer<typeof portalStatusSchema>;

/** The `message` field of the multipart reply (JSON), beside the `file` parts; no proof-of-work: code + secret suffice. */
export const portalMessageRequestSchema = z.object(
  { receiptCode, secret: receiptSecret, body: text('nội dung tin nhắn', 1, PORTAL_LIMITS.messageChars) },
  requestError,
);
export const portalFileRequestSchema = z.object({ receiptCode, secret: receiptSecret }, requestError);
