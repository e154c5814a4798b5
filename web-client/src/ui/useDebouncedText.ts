import { useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../api/hooks';

export const TEXT_DEBOUNCE_MS = 300;

/**
 * A text box bound to a value kept elsewhere (a URL parameter): what is typed is committed once the user pauses,
 * trimmed; a change from outside (Back, a shared link) replaces what the box shows.
 */
export function useDebouncedText(outside: string, commit: (value: string) => void, delayMs = TEXT_DEBOUNCE_MS) {
  const [text, setText] = useState(outside);
  const debounced = useDebouncedValue(text.trim(), delayMs);
  const latest = useRef({ outside, commit });
  latest.current = { outside, commit };

  useEffect(() => {
    if (debounced !== latest.current.outside) latest.current.commit(debounced);
  }, [debounced]);
  useEffect(() => {
    setText((current) => (current.trim() === outside ? current : outside));
  }, [outside]);

  return [text, setText] as const;
}
