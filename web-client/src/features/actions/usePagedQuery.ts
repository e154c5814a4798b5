import { useCallback, useState } from 'react';
import type { TypedDocument } from '../../api/client';
import { useMutation, useQuery } from '../../api/hooks';

export interface PageOf<TItem> {
  items: readonly (TItem | null)[] | null | undefined;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A list that grows with "more": the first page is a query on the variables, later pages are fetched with the last
 * cursor (after) and appended. New variables (another search) start again from the first page.
 */
export function usePagedQuery<TData, TVars extends { after?: string | null }, TItem>(
  document: TypedDocument<TData, TVars>,
  variables: TVars,
  pick: (data: TData) => PageOf<TItem> | null | undefined,
  options: { skip?: boolean } = {},
) {
  const first = useQuery(document, variables, options);
  const key = JSON.stringify(variables);
  const [more, setMore] = useState<{ key: string; items: TItem[]; hasNext: boolean; endCursor: string | null } | null>(null);
  const [fetchMore, moreState] = useMutation(document);

  const firstPage = first.data ? pick(first.data) : null;
  const extra = more?.key === key ? more : null;
  const items = [...compact(firstPage?.items), ...(extra?.items ?? [])];
  const hasNext = extra ? extra.hasNext : (firstPage?.pageInfo.hasNextPage ?? false);
  const endCursor = extra ? extra.endCursor : (firstPage?.pageInfo.endCursor ?? null);

  const loadMore = useCallback(async () => {
    if (!endCursor) return;
    const data = await fetchMore({ ...variables, after: endCursor });
    const page = data ? pick(data) : null;
    if (!page) return;
    setMore({
      key,
      items: [...(extra?.items ?? []), ...compact(page.items)],
      hasNext: page.pageInfo.hasNextPage,
      endCursor: page.pageInfo.endCursor ?? null,
    });
    // pick is a pure reader of the answer; variables stand for key.
  }, [endCursor, fetchMore, key, extra]);

  return {
    ...first,
    items,
    hasNext: hasNext && !!endCursor,
    loadMore,
    loadingMore: moreState.loading,
    moreError: moreState.error,
  };
}

function compact<T>(items: readonly (T | null)[] | null | undefined): T[] {
  return (items ?? []).flatMap((i) => (i ? [i] : []));
}
