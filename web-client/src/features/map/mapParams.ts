import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** The map's state, as it lives in the URL (?election=&layer=&station=|zone=): Back and shared links keep it. */
export interface MapParams {
  /** An election's global id; none: the newest. */
  election: string | null;
  /** A layer name (turnout, bloc.gauche, change.turnout…); none: turnout. */
  layer: string;
  /** The selected polling station (its code, e.g. 29019_76), or another zone (a commune, an IRIS). */
  station: string | null;
  zone: string | null;
}

export const DEFAULT_LAYER = 'turnout';
const LAYER_NAME = /^[A-Za-z0-9_.-]{1,90}$/;
const ZONE_CODE = /^[A-Za-z0-9_]{1,16}$/;

export function readMapParams(url: URLSearchParams): MapParams {
  const layer = url.get('layer');
  const station = url.get('station');
  const zone = url.get('zone');
  return {
    election: url.get('election') || null,
    layer: layer && LAYER_NAME.test(layer) ? layer : DEFAULT_LAYER,
    station: station && ZONE_CODE.test(station) ? station : null,
    zone: !station && zone && ZONE_CODE.test(zone) ? zone : null,
  };
}

/** The URL of the map at a station (the results review links there). */
export function mapPathOf(params: Partial<MapParams>): string {
  const query = new URLSearchParams();
  if (params.election) query.set('election', params.election);
  if (params.layer && params.layer !== DEFAULT_LAYER) query.set('layer', params.layer);
  if (params.station) query.set('station', params.station);
  else if (params.zone) query.set('zone', params.zone);
  const search = query.toString();
  return `/map${search ? `?${search}` : ''}`;
}

export function useMapParams() {
  const [url, setUrl] = useSearchParams();
  const params = useMemo(() => readMapParams(url), [url]);

  const update = useCallback(
    (patch: Partial<Record<'election' | 'layer' | 'station' | 'zone', string | null>>, replace = false) =>
      setUrl(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(patch)) {
            if (value && !(name === 'layer' && value === DEFAULT_LAYER)) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace },
      ),
    [setUrl],
  );

  return {
    params,
    setElection: useCallback((id: string, layer: string) => update({ election: id, layer }), [update]),
    setLayer: useCallback((layer: string) => update({ layer }), [update]),
    selectStation: useCallback((code: string) => update({ station: code, zone: null }), [update]),
    selectZone: useCallback((id: string) => update({ zone: id, station: null }), [update]),
    clearSelection: useCallback(() => update({ station: null, zone: null }), [update]),
  };
}
