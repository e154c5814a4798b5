import type { StoredToken } from '../../api/token';

export interface DevUser {
  email: string;
  displayName: string;
  description: string;
}

export type DevUsersResult = { status: 'enabled'; users: DevUser[] } | { status: 'disabled' };

export class DevAuthError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'DevAuthError';
    this.status = status;
  }
}

/** GET /auth/dev/users; 404 means development sign-in is disabled on this server. */
export async function fetchDevUsers(signal?: AbortSignal): Promise<DevUsersResult> {
  const response = await fetch('/auth/dev/users', { headers: { Accept: 'application/json' }, signal });
  if (response.status === 404) return { status: 'disabled' };
  if (!response.ok) throw new DevAuthError(`HTTP ${response.status}`, response.status);
  const users = (await response.json()) as DevUser[];
  return { status: 'enabled', users: Array.isArray(users) ? users : [] };
}

/** POST /auth/dev/token { email } → { accessToken, expiresAt }. */
export async function requestDevToken(email: string): Promise<StoredToken> {
  const response = await fetch('/auth/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new DevAuthError(`HTTP ${response.status}`, response.status);
  const body = (await response.json()) as { accessToken?: string; expiresAt?: string | null };
  if (!body.accessToken) throw new DevAuthError('No access token in the answer');
  return { accessToken: body.accessToken, expiresAt: body.expiresAt ?? null };
}
