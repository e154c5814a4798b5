import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthenticated } from '../../api/client';
import { clearToken, readToken, storeToken, type StoredToken } from '../../api/token';

export interface AuthState {
  token: string | null;
  /** True when the API ended the session (expired or invalid token). */
  sessionEnded: boolean;
  /** True after the user signed out with the button: the next sign-in starts from the home page. */
  signedOut: boolean;
  /** True after the user erased their own data, which signed them out: the sign-in page says so. */
  erased: boolean;
  signIn: (token: StoredToken) => void;
  signOut: (options?: { erased?: boolean }) => void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [sessionEnded, setSessionEnded] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  const [erased, setErased] = useState(false);

  const signIn = useCallback((next: StoredToken) => {
    storeToken(next);
    setSessionEnded(false);
    setSignedOut(false);
    setErased(false);
    setToken(next.accessToken);
  }, []);

  const signOut = useCallback((options?: { erased?: boolean }) => {
    clearToken();
    setSignedOut(true);
    setErased(options?.erased ?? false);
    setToken(null);
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        clearToken();
        setToken((current) => {
          if (current) setSessionEnded(true);
          return null;
        });
      }),
    [],
  );

  const value = useMemo(
    () => ({ token, sessionEnded, signedOut, erased, signIn, signOut }),
    [token, sessionEnded, signedOut, erased, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
