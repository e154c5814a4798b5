import { useCallback, useMemo } from 'react';
import { useUrlPatch } from '../../ui/useUrlPatch';
import type { ResultsLevel, ResultsOrderField, ResultsTableQueryVariables } from '../../gql/graphql';

export const PAGE_SIZE = 25;
export const LEVELS: readonly ResultsLevel[] = ['NATION', 'FEDERATION', 'CONSTITUENCY', 'COMMUNE', 'STATION'];
export const SORTS: readonly ResultsOrderField[] = ['NAME', 'REGISTERED', 'TURNOUT', 'BLOC_SHARE', 'TURNOUT_CHANGE', 'BLOC_SHARE_CHANGE'];
const CHANGE_SORTS: readonly ResultsOrderField[] = ['TURNOUT_CHANGE', 'BLOC_SHARE_CHANGE'];
const BLOC_SORTS: readonly ResultsOrderField[] = ['BLOC_SHARE', 'BLOC_SHARE_CHANGE'];
/** The first page in the trail of earlier pages (its cursor is none). */
const FIRST = '-';
const FIRST_PAGE = { after: null, trail: null } as const;

/**
 * The review's state, as it lives in the URL (?election=&compare=1&level=&federation=&constituency=&commune=&sort=
 * &bloc=&desc=1&min=&max=&after=&trail=): Back and shared links keep it. The API pages forward only, so the cursors
 * of the pages before this one are kept (trail) to go back.
 */
export interface ResultsParams {
  election: string | null;
  compare: boolean;
  level: ResultsLevel;
  federation: string | null;
  constituency: string | null;
  commune: string | null;
  sort: ResultsOrderField;
  bloc: string | null;
  descending: boolean;
  minTurnout: number | null;
  maxTurnout: number | null;
  after: string | null;
  trail: string[];
}

export type ParamName =
  | 'election' | 'compare' | 'level' | 'federation' | 'constituency' | 'commune' | 'sort' | 'bloc' | 'desc' | 'min' | 'max' | 'after' | 'trail';

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value?.toUpperCase());
}

function code(value: string | null, pattern: RegExp): string | null {
  const trimmed = value?.trim() ?? '';
  return pattern.test(trimmed) ? trimmed.toUpperCase() : null;
}

function percent(value: string | null): number | null {
  if (value == null || value.trim() === '') return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

export function readResultsParams(url: URLSearchParams): ResultsParams {
  return {
    election: url.get('election') || null,
    compare: url.get('compare') === '1',
    level: oneOf(url.get('level'), LEVELS) ?? 'NATION',
    federation: code(url.get('federation'), /^[0-9][0-9AB][0-9]?$/i),
    constituency: code(url.get('constituency'), /^[0-9A-Z-]{1,12}$/i),
    commune: code(url.get('commune'), /^[0-9][0-9AB][0-9]{3}$/i),
    sort: oneOf(url.get('sort'), SORTS) ?? 'NAME',
    bloc: url.get('bloc') || null,
    descending: url.get('desc') === '1',
    minTurnout: percent(url.get('min')),
    maxTurnout: percent(url.get('max')),
    after: url.get('after') || null,
    trail: (url.get('trail') ?? '').split('~').filter(Boolean),
  };
}

/** The sort the API is asked for: a change needs the comparison, a bloc's share needs a bloc (the first by default). */
export function effectiveSort(p: ResultsParams, blocs: readonly { key: string }[]) {
  let field = p.sort;
  if (CHANGE_SORTS.includes(field) && !p.compare) field = field === 'BLOC_SHARE_CHANGE' ? 'BLOC_SHARE' : 'TURNOUT';
  const bloc = BLOC_SORTS.includes(field) ? (blocs.find((b) => b.key === p.bloc)?.key ?? blocs[0]?.key ?? null) : null;
  if (BLOC_SORTS.includes(field) && !bloc) field = 'NAME';
  return { field, bloc, descending: p.descending };
}

export function isBlocSort(field: ResultsOrderField): boolean {
  return BLOC_SORTS.includes(field);
}

export function isChangeSort(field: ResultsOrderField): boolean {
  return CHANGE_SORTS.includes(field);
}

/** The drill-down's parent zone, as the API takes it. */
export function withinOf(p: Pick<ResultsParams, 'federation' | 'constituency' | 'commune'>) {
  const within: { federation?: string; constituency?: string; commune?: string } = {};
  if (p.federation) within.federation = p.federation;
  if (p.constituency) within.constituency = p.constituency;
  if (p.commune) within.commune = p.commune;
  return Object.keys(within).length ? within : null;
}

export function resultsVariables(
  p: ResultsParams,
  electionId: string,
  compareTo: string | null,
  blocs: readonly { key: string }[],
): ResultsTableQueryVariables {
  const sort = effectiveSort(p, blocs);
  return {
    electionId,
    compareTo: p.compare ? compareTo : null,
    level: p.level,
    within: withinOf(p),
    orderBy: { field: sort.field, bloc: sort.bloc, descending: sort.descending },
    minTurnout: p.minTurnout,
    maxTurnout: p.maxTurnout,
    first: PAGE_SIZE,
    after: p.after,
    federation: p.federation ?? '',
    withFederation: !!p.federation,
    commune: p.commune ?? '',
    withCommune: !!p.commune,
  };
}

/** The same table as CSV (every row, not one page), fetched with the token. */
export function csvUrl(p: ResultsParams, electionId: string, compareTo: string | null, blocs: readonly { key: string }[]): string {
  const sort = effectiveSort(p, blocs);
  const query = new URLSearchParams({ election: electionId });
  if (p.compare && compareTo) query.set('compare', compareTo);
  query.set('level', p.level.toLowerCase());
  if (p.federation) query.set('federation', p.federation);
  if (p.constituency) query.set('constituency', p.constituency);
  if (p.commune) query.set('commune', p.commune);
  query.set('orderBy', sort.field.toLowerCase());
  if (sort.bloc) query.set('bloc', sort.bloc);
  if (sort.descending) query.set('descending', 'true');
  return `/results.csv?${query.toString()}`;
}

/** Where a row leads: one level down, within it. */
export function drillDown(level: ResultsLevel, code: string): Partial<Record<ParamName, string | null>> | null {
  switch (level) {
    case 'NATION':
      return { level: 'FEDERATION' };
    case 'FEDERATION':
      return { level: 'CONSTITUENCY', federation: code };
    case 'CONSTITUENCY':
      return { level: 'COMMUNE', constituency: code };
    case 'COMMUNE':
      return { level: 'STATION', commune: code };
    default:
      return null;
  }
}

export function useResultsParams() {
  const [url, update] = useUrlPatch<ParamName>();
  const params = useMemo(() => readResultsParams(url), [url]);

  return {
    params,
    /** A new filter, order or place starts again from the first page. */
    set: useCallback((patch: Partial<Record<ParamName, string | null>>, replace = false) => update({ ...patch, ...FIRST_PAGE }, replace), [update]),
    /** Goes down into a row's zone. */
    drill: useCallback(
      (level: ResultsLevel, code: string) => {
        const patch = drillDown(level, code);
        if (patch) update({ ...patch, ...FIRST_PAGE });
      },
      [update],
    ),
    next: useCallback(
      (endCursor: string) => update({ after: endCursor, trail: [...params.trail, params.after ?? FIRST].join('~') }),
      [update, params.trail, params.after],
    ),
    previous: useCallback(() => {
      const trail = [...params.trail];
      const back = trail.pop();
      update({ after: back && back !== FIRST ? back : null, trail: trail.join('~') || null });
    }, [update, params.trail]),
    firstPage: useCallback(() => update(FIRST_PAGE), [update]),
  };
}
