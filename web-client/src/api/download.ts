import { ApiError } from './errors';
import { readToken } from './token';

/** The file name a Content-Disposition header gives (RFC 6266: filename* wins over filename). */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  return (plain?.[1] ?? plain?.[2])?.trim() || null;
}

function failure(code: string, status?: number, message: string = code): ApiError {
  return new ApiError(message, [{ message, extensions: { code } }], status);
}

/**
 * The error of a failed HTTP call to the API: the code of its problem details (application/problem+json,
 * `{ code, detail }`) when it sends one, else what its status says (`fallback404` for a 404).
 */
export async function problemOf(response: Response, fallback404 = 'NOT_FOUND'): Promise<ApiError> {
  if (response.status === 401) return failure('UNAUTHENTICATED', 401);
  try {
    const body = (await response.json()) as { code?: unknown; detail?: unknown };
    if (typeof body.code === 'string' && body.code) {
      return failure(body.code, response.status, typeof body.detail === 'string' ? body.detail : body.code);
    }
  } catch {
    // not a problem document
  }
  if (response.status === 404) return failure(fallback404, 404);
  if (response.status === 403) return failure('FORBIDDEN', 403);
  return failure('HTTP', response.status);
}

/**
 * Downloads a file the API makes for the signed-in user (an export, a results CSV, a layer's GeoJSON): fetched with
 * the same bearer token as the GraphQL calls (a plain link would carry none), then saved under the name the server
 * gives. A refusal is an ApiError with the code of the API's problem details.
 */
export async function downloadWithToken(url: string, fallbackName: string): Promise<string> {
  const headers: Record<string, string> = {};
  const token = readToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch {
    throw failure('NETWORK');
  }
  if (!response.ok) throw await problemOf(response, 'EXPORT_NOT_FOUND');
  const blob = await response.blob();
  const name = fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  saveBlob(blob, name);
  return name;
}

function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
