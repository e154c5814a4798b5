import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './AuthContext';

/** Sends visitors who are not signed in to /signin, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { token, signedOut } = useAuth();
  const location = useLocation();
  if (!token) {
    // After an explicit sign-out the next user starts from home; otherwise come back here after sign-in.
    const state = signedOut ? null : { from: location.pathname + location.search };
    return <Navigate to="/signin" replace state={state} />;
  }
  return <>{children}</>;
}
