import { useCallback, useMemo } from 'react';
import { useUrlPatch } from '../../ui/useUrlPatch';
import type { PersonFilter, PersonKind, PersonSort, SectionPeopleQueryVariables } from '../../gql/graphql';

export const PAGE_SIZE = 25;
export const PEOPLE_SORTS: readonly PersonSort[] = ['NAME_ASC', 'NAME_DESC', 'CREATED_AT_DESC'];
export const DEFAULT_SORT: PersonSort = 'NAME_ASC';
const KINDS: readonly PersonKind[] = ['MEMBER', 'SUPPORTER', 'FORMER_MEMBER'];

/** The people list's state, as it lives in the URL (?q=&kind=&tag=&sort=&after=|before=): Back and links keep it. */
export interface PeopleParams {
  search: string;
  kind: PersonKind | '';
  tag: string;
  sort: PersonSort;
  /** Opaque cursors: the page after `after`, or the page before `before`. */
  after: string | null;
  before: string | null;
}

type ParamName = 'q' | 'kind' | 'tag' | 'sort' | 'after' | 'before';

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

export function readPeopleParams(url: URLSearchParams): PeopleParams {
  return {
    search: url.get('q')?.trim() ?? '',
    kind: oneOf(url.get('kind'), KINDS) ?? '',
    tag: url.get('tag')?.trim() ?? '',
    sort: oneOf(url.get('sort'), PEOPLE_SORTS) ?? DEFAULT_SORT,
    after: url.get('after') || null,
    before: url.get('before') || null,
  };
}

/** The API searches words of 3 letters or more (SEARCH_TOO_SHORT otherwise): shorter input is not sent yet. */
export const MIN_SEARCH_WORD = 3;
export function isSearchable(search: string): boolean {
  return search.split(/\s+/).some((word) => word.length >= MIN_SEARCH_WORD);
}

export function peopleFilter(p: Pick<PeopleParams, 'search' | 'kind' | 'tag'>): PersonFilter | null {
  const filter: PersonFilter = {};
  if (p.search && isSearchable(p.search)) filter.search = p.search;
  if (p.kind) filter.kind = p.kind;
  if (p.tag) filter.tag = p.tag;
  return Object.keys(filter).length ? filter : null;
}

/** Variables of SectionPeople: forward from `after`, or backward (last/before) to the previous page. */
export function peopleVariables(sectionId: string, p: PeopleParams): SectionPeopleQueryVariables {
  const page = p.before ? { last: PAGE_SIZE, before: p.before } : { first: PAGE_SIZE, after: p.after };
  return { id: sectionId, ...page, filter: peopleFilter(p), sort: p.sort };
}

export function usePeopleParams() {
  const [url, update] = useUrlPatch<ParamName>();
  const params = useMemo(() => readPeopleParams(url), [url]);

  return {
    params,
    /** A new search, filter or sort starts again from the first page. Typing replaces the entry rather than adding one per pause. */
    setFilter: useCallback(
      (name: 'q' | 'kind' | 'tag' | 'sort', value: string, replace = false) =>
        update({ [name]: name === 'sort' && value === DEFAULT_SORT ? null : value, after: null, before: null }, replace),
      [update],
    ),
    next: useCallback((endCursor: string) => update({ after: endCursor, before: null }), [update]),
    previous: useCallback((startCursor: string) => update({ before: startCursor, after: null }), [update]),
    firstPage: useCallback(() => update({ after: null, before: null }), [update]),
  };
}
