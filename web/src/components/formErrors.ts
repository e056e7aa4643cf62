// Puts the server's per-field messages ({ "roles.0.orgId": "…" }) onto the matching antd form fields.
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';

/** Returns true when at least one message landed on a field of the form. */
export function applyFieldErrors(form: FormInstance, e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  const entries = Object.entries(e.fields).filter(([k]) => k !== 'retryAfterSeconds');
  if (entries.length === 0) return false;
  form.setFields(
    entries.map(([path, msg]) => ({
      name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: [msg],
    })),
  );
  return true;
}

export const CONFLICT_MESSAGE = 'Bản ghi đã được người khác sửa. Vui lòng tải lại.';

/**
 * Shows why a save failed: someone else saved first (409, the form reloads), per-field messages on
 * their fields, or the message above the form.
 */
export function reportSaveError(
  e: unknown,
  form: FormInstance,
  setError: (message: string) => void,
  onConflict: (() => void) | null,
): void {
  if (e instanceof ApiError && e.status === 409 && onConflict) {
    setError(CONFLICT_MESSAGE);
    onConflict();
  } else if (!applyFieldErrors(form, e)) setError(errorMessage(e));
}
