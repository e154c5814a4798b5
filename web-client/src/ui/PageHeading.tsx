import { createContext, useContext, useEffect, useRef, type ComponentProps, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** The path whose heading last took focus; shared by the pages under one layout. */
const FocusedPathContext = createContext<RefObject<string | null> | null>(null);

export function NavigationFocusProvider({ children }: { children: ReactNode }) {
  const focusedPath = useRef<string | null>(null);
  return <FocusedPathContext.Provider value={focusedPath}>{children}</FocusedPathContext.Provider>;
}

/**
 * The page's h1. After a navigation to another path it takes focus (once, even when it appears after the data
 * loads), so a screen reader starts reading the new page there and the keyboard continues from it. Changing only
 * the query string (a list's page or filter) keeps focus where it is; so does the first page the app opens.
 */
export function PageHeading({ children, ...props }: ComponentProps<'h1'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusedPath = useContext(FocusedPathContext);
  const { pathname, key } = useLocation();
  useEffect(() => {
    if (!focusedPath || focusedPath.current === pathname) return;
    const firstPage = focusedPath.current === null && key === 'default';
    focusedPath.current = pathname;
    if (!firstPage) ref.current?.focus();
  }, [focusedPath, pathname, key]);
  return (
    <h1 ref={ref} tabIndex={-1} {...props}>
      {children}
    </h1>
  );
}
