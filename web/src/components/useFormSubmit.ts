// The OK button of the form modals: validate, save, hand the result on, or show why the save failed.
// One place, so every modal reports a failure (409, per-field messages, the rest) the same way.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { reportSaveError } from './formErrors.ts';

/**
 * `check` may stop a submit that the form's own rules cannot catch (state kept outside the form): its
 * message shows above the form and nothing is sent. A failed field validation returns quietly, since
 * antd already marks the fields.
 */
export function useFormSubmit<V, R>(
  form: FormInstance<V>,
  save: (values: V) => Promise<R>,
  onSaved: (r: R) => void,
  onConflict: (() => void) | null,
  check?: (values: V) => string | null,
): { submit: () => Promise<void>; busy: boolean; error: string | null } {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const problem = check?.(v) ?? null;
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      onSaved(await save(v));
    } catch (e) {
      reportSaveError(e, form, setError, onConflict);
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error };
}
