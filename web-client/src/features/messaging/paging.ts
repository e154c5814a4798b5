/** A list's page as it lives in the URL: the page after `after`, or the page before `before` (opaque cursors). */
export interface PageParams {
  after: string | null;
  before: string | null;
}

export function readPage(url: URLSearchParams): PageParams {
  return { after: url.get('after') || null, before: url.get('before') || null };
}

/** Forward from `after`, or backward (last/before) to the previous page. */
export function pageVariables(page: PageParams, size: number) {
  return page.before ? { last: size, before: page.before, first: null, after: null } : { first: size, after: page.after, last: null, before: null };
}
