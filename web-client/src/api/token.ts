/** Where the app keeps the access token; the GraphiQL page reads the same keys. */
export const TOKEN_KEY = 'coopol.accessToken';
export const TOKEN_EXPIRES_KEY = 'coopol.accessTokenExpiresAt';

export interface StoredToken {
  accessToken: string;
  expiresAt: string | null;
}

export function readToken(now: Date = new Date()): string | null {
  try {
    const token = localStorage.getItem(TOKEN_KEY);
    if (!token) return null;
    const expiresAt = localStorage.getItem(TOKEN_EXPIRES_KEY);
    if (expiresAt) {
      const expiry = Date.parse(expiresAt);
      if (!Number.isNaN(expiry) && expiry <= now.getTime()) {
        clearToken();
        return null;
      }
    }
    return token;
  } catch {
    return null;
  }
}

export function storeToken(token: StoredToken): void {
  localStorage.setItem(TOKEN_KEY, token.accessToken);
  if (token.expiresAt) localStorage.setItem(TOKEN_EXPIRES_KEY, token.expiresAt);
  else localStorage.removeItem(TOKEN_EXPIRES_KEY);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_EXPIRES_KEY);
}
