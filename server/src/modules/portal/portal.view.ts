// What the holder of a receipt reads: the letter's status in plain words, the exchange with the handler
// and the files meant for them. Officers appear only as "officer", never by name (domain.md §5).

import {
  PETITION_CLOCK_STOPPED,
  PETITION_STATUS_LABELS,
  type PetitionKind,
  type PetitionStatus,
  SCREENING_GROUND_LABELS,
  type ScreeningGround,
} from '../../../../common/petitions.ts';
import type { PortalStatus } from '../../../../common/portal-api.ts';
import type { FileRow, MessageRow, StatusRow } from './portal.repository.ts';

/** "4821093755120648" → "4821 0937 5512 0648", as printed on the receipt. */
export function groupReceiptCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

const NOTES: Record<PetitionStatus, string> = {
  received: 'Đơn đã được tiếp nhận và đang chờ phân loại, xử lý.',
  screening: 'Đơn đang được phân loại, xử lý theo quy định.',
  kept_as_information: 'Đơn được lưu làm thông tin phục vụ công tác kiểm tra, giám sát.',
  forwarded: 'Đơn đã được chuyển đến cơ quan có thẩm quyền để giải quyết theo thẩm quyền.',
  refused: 'Đơn không được thụ lý giải quyết.',
  accepted: 'Đơn đã được thụ lý và sẽ được giải quyết theo quy định.',
  in_progress: 'Đơn đang được giải quyết theo quy định.',
  resolved: 'Đơn đã được giải quyết; kết quả được thông báo cho người gửi theo quy định.',
  answered: 'Đã có trả lời cho người gửi (xem nội dung trả lời).',
  withdrawn: 'Người gửi đã rút đơn; việc giải quyết đơn đã dừng.',
  closed: 'Việc xử lý đơn đã kết thúc.',
};

/** The screening decision as told to the sender: no facts, no officer, only the outcome and its ground. */
export function statusNote(
  row: Pick<StatusRow, 'status' | 'screening_ground' | 'forward_name' | 'forward_secrecy' | 'passed_to_new_committee'>,
): string {
  const status = row.status as PetitionStatus;
  if (status === 'forwarded' && row.forward_name && (row.forward_secrecy ?? 0) === 0)
    return `Đơn đã được chuyển đến ${row.forward_name} để giải quyết theo thẩm quyền.`;
  if (status === 'refused' && row.screening_ground && row.screening_ground in SCREENING_GROUND_LABELS)
    return `Đơn không được thụ lý giải quyết. Lý do: ${SCREENING_GROUND_LABELS[row.screening_ground as ScreeningGround]}.`;
  if (row.passed_to_new_committee && !PETITION_CLOCK_STOPPED.includes(status))
    return 'Đơn nhận trong thời gian chuẩn bị đại hội, được chuyển để cấp ủy khóa mới xem xét, giải quyết theo quy định.';
  return NOTES[status] ?? NOTES.received;
}

function fileOut(f: FileRow) {
  return { id: f.id, fileName: f.file_name, size: f.size };
}

export function toPortalStatus(digits: string, row: StatusRow, messages: MessageRow[], files: FileRow[]): PortalStatus {
  const status = row.status as PetitionStatus;
  const byMessage = new Map<string, FileRow[]>();
  for (const f of files) if (f.message_id) byMessage.set(f.message_id, [...(byMessage.get(f.message_id) ?? []), f]);
  return {
    receiptCode: groupReceiptCode(digits),
    kind: row.kind as PetitionKind,
    title: row.title,
    bodyName: row.body_name,
    receivedOn: row.received_on,
    status,
    statusLabel: PETITION_STATUS_LABELS[status] ?? row.status,
    statusNote: statusNote(row),
    // The clock runs until a decision stops it, and is not shown while a new committee takes the letter over.
    dueOn: !PETITION_CLOCK_STOPPED.includes(status) && !row.passed_to_new_committee ? row.due_on : null,
    answer: row.answer,
    answeredOn: row.answered_on,
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author === 'officer' ? ('officer' as const) : ('sender' as const),
      body: m.body,
      createdAt: new Date(m.created_at).toISOString(),
      files: (byMessage.get(m.id) ?? []).map(fileOut),
    })),
    files: files.filter((f) => !f.message_id).map(fileOut),
  };
}
