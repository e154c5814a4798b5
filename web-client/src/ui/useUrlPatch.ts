import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The page's URL parameters, and a way to change some of them (an empty value removes one): lists keep their page,
 * search and filters in the URL, so a link or the back button restores them. */
export function useUrlPatch<Name extends string>() {
  const [url, setUrl] = useSearchParams();
  const update = useCallback(
    (patch: Partial<Record<Name, string | null>>, replace = false) =>
      setUrl(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch)) {
            if (value) next.set(name, value as string);
            else next.delete(name);
          }
          return next;
        },
        { replace },
      ),
    [setUrl],
  );
  return [url, update] as const;
}
