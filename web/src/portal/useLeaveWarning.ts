// Asks before leaving while something would be lost for good: a letter being written, or a receipt
// whose secret has not been saved yet (it is never shown again). The browser asks on a reload or a
// closed tab; the portal's own links ask through confirmLeave().
import { useEffect } from 'react';

const active = new Set<symbol>();

/** For an in-page link: true when nothing would be lost or the citizen agrees to leave. */
export function confirmLeave(): boolean {
  return active.size === 0 || window.confirm('Những gì bạn đang làm trên trang này sẽ bị mất. Bạn vẫn muốn rời trang?');
}

export function useLeaveWarning(on: boolean) {
  useEffect(() => {
    if (!on) return;
    const key = Symbol('leave-warning');
    active.add(key);
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => {
      active.delete(key);
      window.removeEventListener('beforeunload', warn);
    };
  }, [on]);
}
