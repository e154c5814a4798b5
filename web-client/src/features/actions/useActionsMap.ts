import i18n from 'i18next';
import { useEffect, useRef, useState } from 'react';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { maplibregl } from '../map/maplibre';
import { BASEMAP_STYLE_URL, emptyStyle, FRANCE_BOUNDS } from '../map/layers';

// Imported only by the lazy map components: MapLibre loads with them, never with the rest of the page.

/** A small MapLibre map in the container, as the campaign map makes it (same background, no rotation); null until loaded. */
export function useActionsMap() {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = new maplibregl.Map({
      container,
      style: BASEMAP_STYLE_URL ?? (emptyStyle as StyleSpecification),
      bounds: FRANCE_BOUNDS,
      maxZoom: 18,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      // One finger scrolls the page on a phone; two move the map (the map is inside a page, not the page).
      cooperativeGestures: true,
      locale: {
        'CooperativeGesturesHandler.WindowsHelpText': i18n.t('actions.map.gesturesDesk'),
        'CooperativeGesturesHandler.MacHelpText': i18n.t('actions.map.gesturesMac'),
        'CooperativeGesturesHandler.MobileHelpText': i18n.t('actions.map.gesturesPhone'),
      },
      attributionControl: BASEMAP_STYLE_URL ? { compact: true } : false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    const busy = () => container.setAttribute('data-idle', 'false');
    const idle = () => container.setAttribute('data-idle', 'true');
    instance.on('dataloading', busy);
    instance.on('movestart', busy);
    instance.on('idle', idle);
    instance.once('load', () => setMap(instance));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container);
    return () => {
      resize.disconnect();
      instance.remove();
      setMap(null);
    };
  }, []);

  return { containerRef, map };
}

/** Adds a GeoJSON source and its layers once, then replaces its data. */
export function setGeoJson(map: MapLibreMap, source: string, data: FeatureCollection, layers: readonly LayerSpecification[]): void {
  const existing = map.getSource(source) as GeoJSONSource | undefined;
  if (existing) {
    existing.setData(data);
    return;
  }
  map.addSource(source, { type: 'geojson', data });
  for (const layer of layers) map.addLayer(layer);
}
