import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Map as MapLibreMap, RequestParameters, ResourceType, StyleSpecification } from 'maplibre-gl';
import { readToken } from '../../api/token';
import { maplibregl } from './maplibre';
import { BASEMAP_STYLE_URL, emptyStyle, FRANCE_BOUNDS } from './layers';
import { MapContext } from './mapContext';

declare global {
  interface Window {
    /** The campaign map's MapLibre instance, for the browser tests (project a point, query rendered zones). */
    __coopolMap?: MapLibreMap;
  }
}

/** What the map shows first: a layer's extent, or a point (a station opened from a link). */
export type MapView = { bounds: readonly number[] } | { center: [number, number]; zoom: number };

/**
 * The API's own requests (tiles, with the viewer's token: a tile shows only the viewer's ground); anything else
 * (a base map's style, glyphs, tiles from elsewhere) goes as it is, without the token.
 */
export function authorizeRequest(url: string, origin: string = window.location.origin): RequestParameters {
  const own = url.startsWith(`${origin}/tiles/`) || url.startsWith('/tiles/');
  const token = own ? readToken() : null;
  return token ? { url, headers: { Authorization: `Bearer ${token}` } } : { url };
}

/** Room a panel takes over the map (px), and a point to keep in view beside it. */
export interface MapFocus {
  padding: { right: number; bottom: number };
  center: [number, number] | null;
}

interface Props {
  view: MapView | null;
  focus: MapFocus;
  label: string;
  children?: ReactNode;
}

/**
 * A MapLibre map on a light background (or the configured base map) that fills its container. Its sources are its
 * children (ZonesSource). The container tells tests when tiles are drawn: data-idle="true" once the map has
 * nothing left to load or draw.
 */
export default function CampaignMap({ view, focus, label, children }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = new maplibregl.Map({
      container,
      style: BASEMAP_STYLE_URL ?? (emptyStyle as StyleSpecification),
      bounds: FRANCE_BOUNDS as [number, number, number, number],
      maxZoom: 18,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: BASEMAP_STYLE_URL ? { compact: true } : false,
      transformRequest: (url: string, _type?: ResourceType) => authorizeRequest(url),
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const busy = () => container.setAttribute('data-idle', 'false');
    const idle = () => container.setAttribute('data-idle', 'true');
    instance.on('dataloading', busy);
    instance.on('movestart', busy);
    instance.on('idle', idle);
    instance.once('load', () => setMap(instance));
    window.__coopolMap = instance;
    // The map follows its container (panels opening, a phone turned), not only the window.
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      if (window.__coopolMap === instance) delete window.__coopolMap;
      instance.remove();
      setMap(null);
    };
  }, []);

  const viewKey = view ? JSON.stringify(view) : null;
  useEffect(() => {
    if (!map || !view) return;
    if ('bounds' in view) {
      const [west, south, east, north] = view.bounds;
      if (west == null || south == null || east == null || north == null) return;
      map.fitBounds([west, south, east, north], { padding: 24, duration: 0, maxZoom: 15 });
    } else {
      map.jumpTo({ center: view.center, zoom: view.zoom });
    }
    // viewKey stands for view: a new object with the same extent does not move the map.
  }, [map, viewKey]);

  // A panel opened over the map: what was clicked moves into the part left visible.
  const focusKey = JSON.stringify(focus);
  useEffect(() => {
    if (!map) return;
    const padding = { top: 0, left: 0, ...focus.padding };
    if (focus.center) map.easeTo({ center: focus.center, padding, duration: 300 });
    else map.setPadding(padding);
    // focusKey stands for focus.
  }, [map, focusKey]);

  return (
    <div className="map-canvas" ref={containerRef} role="region" aria-label={label} data-testid="map" data-idle="false">
      {map && <MapContext.Provider value={map}>{children}</MapContext.Provider>}
    </div>
  );
}
