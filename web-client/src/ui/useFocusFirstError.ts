import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * After a failed submit, moves focus to the first error of the form, in reading order: an invalid control
 * (whose description reads its error) or an error list. Call the returned function once the errors are set.
 */
export function useFocusFirstError<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (!requests) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error]')?.focus();
  }, [requests]);
  const focusFirstError = useCallback(() => setRequests((n) => n + 1), []);
  return [ref, focusFirstError] as const;
}
