import { problemOf } from './download';
import { ApiError } from './errors';
import { readToken } from './token';

/**
 * Sends a file as the raw body of a POST to the API (an import), with the bearer token; resolves with the JSON it
 * answers. A refusal is an ApiError with the code (and the server's words, as its message) of its problem details.
 */
export async function postFile<T>(url: string, file: Blob): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: file });
  } catch {
    throw new ApiError('NETWORK', [{ message: 'NETWORK', extensions: { code: 'NETWORK' } }]);
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}
