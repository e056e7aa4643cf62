// The registry's guard (domain.md §4): while discipline is being considered the member may not be
// transferred, appointed or promoted. Asks the database's SECURITY DEFINER check, which answers one boolean
// whatever the caller's scope (the matter itself usually sits with a body the registry cannot see).
// The form, one at a time, and the imports, which check a whole file's members in one query.
import type { Tx } from '../../db/context.ts';
import { invalid } from '../../platform/errors.ts';
import { underDiscipline, underDisciplineAmong } from './decisions.repository.ts';

const WHAT = { transfer: 'chuyển sinh hoạt đảng', appoint: 'bổ nhiệm, đề bạt, giao chức vụ' } as const;
export type GuardedAction = keyof typeof WHAT;

export function underDisciplineMessage(action: GuardedAction): string {
  return `Đảng viên đang trong thời gian bị xem xét, xử lý kỷ luật: chưa được ${WHAT[action]} cho đến khi có quyết định kỷ luật hoặc kết thúc xem xét.`;
}

export async function assertNotUnderDiscipline(tx: Tx, memberId: string, action: GuardedAction, field: string): Promise<void> {
  if (await underDiscipline(tx, memberId)) throw invalid(field, underDisciplineMessage(action));
}

/** Of these members, those under consideration (for an import's row-by-row report). */
export function membersUnderDiscipline(tx: Tx, memberIds: string[]): Promise<Set<string>> {
  return underDisciplineAmong(tx, memberIds);
}
