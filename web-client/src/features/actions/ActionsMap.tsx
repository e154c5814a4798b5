import { useEffect } from 'react';
import type { MapLayerMouseEvent } from 'maplibre-gl';
import {
  ACTIONS_SOURCE,
  actionsHitLayer,
  actionsLayer,
  boundsOf,
  PLACE_SOURCE,
  placeLayer,
  pointFeatures,
  RADIUS_SOURCE,
  radiusFillLayer,
  radiusLineLayer,
  radiusPolygon,
  type LatLon,
} from './layers';
import { setGeoJson, useActionsMap } from './useActionsMap';

export interface MapAction extends LatLon {
  id: string;
}

interface Props {
  place: LatLon | null;
  radiusKm: number;
  actions: readonly MapAction[];
  onOpen: (id: string) => void;
  label: string;
}

/** The near-me map: the place searched from, the radius, and a marker per action found (a tap opens it). */
export default function ActionsMap({ place, radiusKm, actions, onOpen, label }: Props) {
  const { containerRef, map } = useActionsMap();

  useEffect(() => {
    if (!map) return;
    setGeoJson(map, RADIUS_SOURCE, place ? radiusPolygon(place, radiusKm) : pointFeatures([]), [radiusFillLayer, radiusLineLayer]);
    setGeoJson(map, PLACE_SOURCE, pointFeatures(place ? [place] : []), [placeLayer]);
    setGeoJson(map, ACTIONS_SOURCE, pointFeatures(actions), [actionsHitLayer, actionsLayer]);
    const bounds = boundsOf(place, radiusKm, actions);
    if (bounds) map.fitBounds(bounds, { padding: 24, duration: 0, maxZoom: 15 });
  }, [map, place, radiusKm, actions]);

  useEffect(() => {
    if (!map) return;
    const open = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id as string | undefined;
      if (id) onOpen(id);
    };
    const pointer = () => (map.getCanvas().style.cursor = 'pointer');
    const plain = () => (map.getCanvas().style.cursor = '');
    map.on('click', actionsHitLayer.id, open);
    map.on('mouseenter', actionsHitLayer.id, pointer);
    map.on('mouseleave', actionsHitLayer.id, plain);
    return () => {
      map.off('click', actionsHitLayer.id, open);
      map.off('mouseenter', actionsHitLayer.id, pointer);
      map.off('mouseleave', actionsHitLayer.id, plain);
    };
  }, [map, onOpen]);

  return <div className="actions-map" ref={containerRef} role="region" aria-label={label} data-testid="actions-map" data-idle="false" />;
}
