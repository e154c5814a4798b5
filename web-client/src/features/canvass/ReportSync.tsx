import { useEffect } from 'react';
import { useAuth } from '../auth/AuthContext';
import { startReportSync } from './sync';

/** Sends the door reports waiting on the phone when the app starts, when a user signs in, and when the network returns. */
export function ReportSync() {
  const { token } = useAuth();
  useEffect(() => (token ? startReportSync() : undefined), [token]);
  return null;
}
