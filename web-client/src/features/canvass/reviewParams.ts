import type { ReviewLevel } from '../../gql/graphql';

export const REVIEW_LEVELS: readonly ReviewLevel[] = ['STATION', 'SECTION', 'FEDERATION', 'NATION'];

/** The review's state, as it lives in the URL (?level=&federation=&from=&to=&week=1). */
export interface ReviewParams {
  level: ReviewLevel;
  federation: string;
  /** yyyy-mm-dd, or empty. */
  from: string;
  to: string;
  byWeek: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FEDERATION = /^[0-9A-Za-z]{1,3}$/;

export function readReviewParams(url: URLSearchParams): ReviewParams {
  const level = url.get('level') as ReviewLevel | null;
  const federation = url.get('federation') ?? '';
  const from = url.get('from') ?? '';
  const to = url.get('to') ?? '';
  return {
    level: level && REVIEW_LEVELS.includes(level) ? level : 'SECTION',
    federation: FEDERATION.test(federation) ? federation.toUpperCase() : '',
    from: DAY.test(from) ? from : '',
    to: DAY.test(to) ? to : '',
    byWeek: url.get('week') === '1',
  };
}

/** A local day's start as an instant; `to` covers its whole day (up to the next midnight). */
export function dayStart(day: string, plusDays = 0): string | null {
  const m = DAY.exec(day) ? day.split('-').map(Number) : null;
  if (!m) return null;
  return new Date(m[0]!, m[1]! - 1, m[2]! + plusDays).toISOString();
}

export function reviewVariables(p: ReviewParams) {
  return {
    level: p.level,
    federationCode: p.federation || null,
    from: p.from ? dayStart(p.from) : null,
    to: p.to ? dayStart(p.to, 1) : null,
    byWeek: p.byWeek,
  };
}
