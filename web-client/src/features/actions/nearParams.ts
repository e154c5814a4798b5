import { useCallback, useMemo } from 'react';
import type { ActionKind, NearInput, NearbyActionsQueryVariables } from '../../gql/graphql';
import { useUrlPatch } from '../../ui/useUrlPatch';
import { dayEnd, dayStart } from './actionTime';

export const ACTION_KINDS: readonly ActionKind[] = ['DOOR_TO_DOOR', 'LEAFLETING', 'MARKET_STALL', 'MEETING', 'PHONE_BANK', 'OTHER'];
export const RADII_KM = [2, 5, 10, 20, 50, 100] as const;
export const DEFAULT_RADIUS_KM = 10;
export const NEARBY_PAGE_SIZE = 20;

/**
 * The near-me search as it lives in the URL (?place= or ?lat=&lon=, &radius=&kinds=&from=&to=), so a search can be
 * shared and Back restores it. Pages after the first are loaded with "more" and are not kept.
 */
export interface NearParams {
  place: string;
  point: { latitude: number; longitude: number } | null;
  radiusKm: number;
  kinds: ActionKind[];
  /** yyyy-mm-dd days, in the viewer's calendar. */
  from: string;
  to: string;
}

export type NearParamName = 'place' | 'lat' | 'lon' | 'radius' | 'kinds' | 'from' | 'to';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function coordinate(value: string | null, limit: number): number | null {
  if (value == null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

export function readNearParams(url: URLSearchParams): NearParams {
  const latitude = coordinate(url.get('lat'), 90);
  const longitude = coordinate(url.get('lon'), 180);
  const radius = Number(url.get('radius'));
  const kinds = (url.get('kinds') ?? '').split(',').flatMap((k) => ACTION_KINDS.filter((known) => known === k.trim().toUpperCase()));
  return {
    place: url.get('place')?.trim().slice(0, 100) ?? '',
    point: latitude != null && longitude != null ? { latitude, longitude } : null,
    radiusKm: Number.isFinite(radius) && radius > 0 && radius <= 100 ? radius : DEFAULT_RADIUS_KM,
    kinds: [...new Set(kinds)],
    from: DAY.test(url.get('from') ?? '') ? url.get('from')! : '',
    to: DAY.test(url.get('to') ?? '') ? url.get('to')! : '',
  };
}

/** Where to search from: a point wins over a place (the API takes one of them). */
export function nearInput(p: Pick<NearParams, 'place' | 'point'>): NearInput | null {
  if (p.point) return { point: p.point };
  return p.place ? { place: p.place } : null;
}

export function nearbyVariables(p: NearParams, after: string | null): NearbyActionsQueryVariables | null {
  const near = nearInput(p);
  if (!near) return null;
  return {
    near,
    radiusKm: p.radiusKm,
    kinds: p.kinds.length ? p.kinds : null,
    from: p.from ? dayStart(p.from) : null,
    to: p.to ? dayEnd(p.to) : null,
    first: NEARBY_PAGE_SIZE,
    after,
  };
}

/** Rounds a shared position to about 100 m: enough to find actions, less precise about where someone lives. */
export function roundCoordinate(value: number): string {
  return value.toFixed(3);
}

export function useNearParams() {
  const [url, update] = useUrlPatch<NearParamName>();
  const params = useMemo(() => readNearParams(url), [url]);
  return {
    params,
    searchPlace: useCallback((place: string) => update({ place: place.trim(), lat: null, lon: null }), [update]),
    searchPoint: useCallback(
      (latitude: number, longitude: number) => update({ place: null, lat: roundCoordinate(latitude), lon: roundCoordinate(longitude) }),
      [update],
    ),
    setFilters: useCallback(
      (patch: { radius?: number; kinds?: ActionKind[]; from?: string; to?: string }) =>
        update(
          {
            ...(patch.radius !== undefined ? { radius: patch.radius === DEFAULT_RADIUS_KM ? null : String(patch.radius) } : {}),
            ...(patch.kinds !== undefined ? { kinds: patch.kinds.join(',') } : {}),
            ...(patch.from !== undefined ? { from: patch.from } : {}),
            ...(patch.to !== undefined ? { to: patch.to } : {}),
          },
          true,
        ),
      [update],
    ),
  };
}
