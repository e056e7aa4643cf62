// Puts the server's per-field messages ({ "roles.0.orgId": "…" }) onto the matching antd form fields.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

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
