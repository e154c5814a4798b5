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

function failure(code: string, status?: number): ApiError {
  return new ApiError(code, [{ message: code, extensions: { code } }], status);
}

/**
 * Downloads a file the API keeps for the signed-in user (an export): fetched with the same bearer token as the
 * GraphQL calls (a plain link would carry none), then saved under the name the server gives.
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
  if (response.status === 401) throw failure('UNAUTHENTICATED', 401);
  if (response.status === 404) throw failure('EXPORT_NOT_FOUND', 404);
  if (!response.ok) throw failure('HTTP', response.status);
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
