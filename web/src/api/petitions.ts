// Petitions (issue #6): the officers' register and inbox, one letter's screening, deadline, links, messages,
// forwarding letter, inspection, resolution and answer, and the custodian's reading of the sender's identity.
// Types come from common/petition-api.ts and common/petitions.ts (the contract with the server).
import type { z } from 'zod';
import type {
  answerSchema,
  caseOpenSchema,
  deadlineRulePutSchema,
  deadlineRulesSchema,
  forwardingLetterSchema,
  IdentityRead,
  linkCreateSchema,
  linkDecisionSchema,
  messageCreateSchema,
  PetitionClock,
  PetitionCreate,
  PetitionDetail,
  PetitionLink,
  PetitionList,
  PetitionListItem,
  PetitionMessage,
  PetitionQuery,
  petitionFileSchema,
  resolutionSchema,
  ScreeningResult,
  subjectPatchSchema,
  topicPatchSchema,
} from '../../../common/petition-api.ts';
import type { extensionFormSchema, PetitionTopic, preCongressFormSchema, ScreeningForm } from '../../../common/petitions.ts';
import { api, download, qs, upload } from './client.ts';

export type {
  IdentityRead,
  PetitionClock,
  PetitionCreate,
  PetitionDetail,
  PetitionLink,
  PetitionList,
  PetitionListItem,
  PetitionMessage,
  PetitionQuery,
  ScreeningForm,
  ScreeningResult,
};
export type PetitionFile = z.infer<typeof petitionFileSchema>;
export type DeadlineRules = z.infer<typeof deadlineRulesSchema>;

/** The inbox's query as the page builds it (the contract's schema coerces strings from the address). */
export interface PetitionListQuery {
  orgId?: string;
  status?: PetitionQuery['status'];
  /** Every letter whose clock still runs. */
  open?: boolean;
  kind?: PetitionQuery['kind'];
  topic?: PetitionQuery['topic'];
  clock?: PetitionQuery['clock'];
  q?: string;
  receivedFrom?: string;
  receivedTo?: string;
  sort?: 'received_desc' | 'due_asc';
  page?: number;
  pageSize?: number;
}

const P = '/api/v1/petitions';
const one = (id: string) => `${P}/${encodeURIComponent(id)}`;

export const petitionsApi = {
  list: (query: PetitionListQuery, signal?: AbortSignal) =>
    api.get<PetitionList>(`${P}${qs({ ...query, open: query.open ? 'true' : undefined })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<PetitionDetail>(one(id), { signal }),
  create: (body: PetitionCreate) => api.post<PetitionDetail>(P, body),

  /** What the screening rule decides from these facts, without saving anything. */
  screeningPreview: (id: string, body: ScreeningForm, signal?: AbortSignal) =>
    api.post<ScreeningResult>(`${one(id)}/screening-preview`, body, { signal }),
  screen: (id: string, body: ScreeningForm) => api.post<PetitionDetail>(`${one(id)}/screening`, body),
  extend: (id: string, body: z.input<typeof extensionFormSchema>) => api.post<PetitionDetail>(`${one(id)}/extension`, body),
  preCongress: (id: string, body: z.input<typeof preCongressFormSchema>) => api.post<PetitionDetail>(`${one(id)}/pre-congress`, body),
  setSubject: (id: string, body: z.input<typeof subjectPatchSchema>) => api.patch<PetitionDetail>(`${one(id)}/subject`, body),
  setTopic: (id: string, body: z.input<typeof topicPatchSchema> & { topic: PetitionTopic }) =>
    api.patch<PetitionDetail>(`${one(id)}/topic`, body),

  link: (id: string, body: z.input<typeof linkCreateSchema>) => api.post<PetitionDetail>(`${one(id)}/links`, body),
  decideLink: (id: string, otherId: string, body: z.input<typeof linkDecisionSchema>) =>
    api.put<PetitionDetail>(`${one(id)}/links/${encodeURIComponent(otherId)}`, body),

  /** The custodian only; every reading is audited with its reason. Never cached by the page. */
  readIdentity: (id: string, reason: string) => api.post<IdentityRead>(`${one(id)}/identity`, { reason }),

  messages: (id: string, signal?: AbortSignal) => api.get<{ items: PetitionMessage[] }>(`${one(id)}/messages`, { signal }),
  sendMessage: (id: string, body: z.input<typeof messageCreateSchema>) => api.post<unknown>(`${one(id)}/messages`, body),

  attach: (id: string, file: File) => upload<unknown>(`${one(id)}/files`, file, file.name),
  downloadFile: (id: string, file: { id: string; fileName: string }) =>
    download(`${one(id)}/files/${encodeURIComponent(file.id)}`, file.fileName),

  generateForwardingLetter: (id: string, body: z.input<typeof forwardingLetterSchema>) =>
    api.post<unknown>(`${one(id)}/forwarding-letter`, body),
  downloadForwardingLetter: (id: string, code: string) => download(`${one(id)}/forwarding-letter`, `chuyen-don-${code}.docx`),

  openCase: (id: string, body: z.input<typeof caseOpenSchema>) => api.post<PetitionDetail>(`${one(id)}/case`, body),
  resolve: (id: string, body: z.input<typeof resolutionSchema>) => api.post<PetitionDetail>(`${one(id)}/resolution`, body),
  answer: (id: string, body: z.input<typeof answerSchema>) => api.post<PetitionDetail>(`${one(id)}/answer`, body),

  deadlineRules: () => api.get<DeadlineRules>(`${P}/deadline-rules`),
  putDeadlineRule: (kind: string, level: string, body: z.input<typeof deadlineRulePutSchema>) =>
    api.put<DeadlineRules>(`${P}/deadline-rules/${encodeURIComponent(kind)}/${encodeURIComponent(level)}`, body),
};

export const petitionKey = (id: string) => ['petitions', 'one', id] as const;
export const PETITIONS_KEY = ['petitions'] as const;
