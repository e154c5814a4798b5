import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { ApiError } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { useAuth } from '../auth/AuthContext';
import { toViewer, type Viewer } from './permissions';
import { ViewerQuery } from './viewerQuery';

export interface ViewerState {
  viewer: Viewer | null;
  loading: boolean;
  error: ApiError | undefined;
  refetch: () => void;
}

const ViewerContext = createContext<ViewerState>({
  viewer: null,
  loading: false,
  error: undefined,
  refetch: () => {},
});

/** Loads `me` once per token and shares it with the header and the pages. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { token } = useAuth();
  // A new token (another user) starts from a fresh state.
  return <ViewerLoader key={token ?? 'anonymous'}>{children}</ViewerLoader>;
}

function ViewerLoader({ children }: { children: ReactNode }) {
  const { token, signOut } = useAuth();
  const { data, error, loading, refetch } = useQuery(ViewerQuery, {}, { skip: !token });

  // `me` is null when the API does not recognise the token: back to sign-in.
  useEffect(() => {
    if (token && !loading && !error && data && data.me === null) signOut();
  }, [token, loading, error, data, signOut]);

  const value = useMemo<ViewerState>(
    () => ({ viewer: token ? toViewer(data?.me) : null, loading, error, refetch }),
    [token, data, loading, error, refetch],
  );
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
