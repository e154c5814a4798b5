import { useEffect, useRef } from 'react';
import type { ExpressionSpecification, MapGeoJSONFeature, MapLayerMouseEvent, VectorTileSource } from 'maplibre-gl';
import { useMapInstance } from './mapContext';
import { selectedFilter, ZONES_FILL, ZONES_SELECTED, ZONES_SOURCE, ZONES_SOURCE_LAYER, zonesLayers, zonesSource } from './layers';

/** A zone as the tiles carry it. */
export interface ZoneFeature {
  id: string;
  name: string;
  /** station, commune or iris. */
  level: string;
  value: number | null;
}

export function zoneOf(feature: Pick<MapGeoJSONFeature, 'properties'>): ZoneFeature | null {
  const p = feature.properties as Record<string, unknown>;
  if (typeof p.id !== 'string' && typeof p.id !== 'number') return null;
  return {
    id: String(p.id),
    name: typeof p.name === 'string' ? p.name : String(p.id),
    level: typeof p.level === 'string' ? p.level : 'station',
    value: typeof p.value === 'number' ? p.value : null,
  };
}

interface Props {
  /** The tiles' URL template (…/{z}/{x}/{y}.mvt?election=…). */
  tiles: string;
  fillColor: ExpressionSpecification | string;
  selected: string | null;
  /** A zone was clicked, at this point. */
  onSelect: (zone: ZoneFeature, at: [number, number]) => void;
  /** The selected zone as the drawn tiles have it (its value for this layer), once they are loaded. */
  onSelectedZone: (zone: ZoneFeature | null) => void;
}

/** The `zones` vector source of the API and its three layers (fill, outlines, selection). */
export function ZonesSource({ tiles, fillColor, selected, onSelect, onSelectedZone }: Props) {
  const map = useMapInstance();
  const callbacks = useRef({ onSelect, onSelectedZone, selected });
  callbacks.current = { onSelect, onSelectedZone, selected };

  // The source and layers, added once; a new layer or election only changes the tiles' URL.
  useEffect(() => {
    if (!map) return;
    map.addSource(ZONES_SOURCE, zonesSource(tiles));
    for (const layer of zonesLayers) map.addLayer(layer);
    const click = (e: MapLayerMouseEvent) => {
      const zone = e.features?.[0] ? zoneOf(e.features[0]) : null;
      if (zone) callbacks.current.onSelect(zone, [e.lngLat.lng, e.lngLat.lat]);
    };
    const enter = () => (map.getCanvas().style.cursor = 'pointer');
    const leave = () => (map.getCanvas().style.cursor = '');
    const idle = () => {
      const id = callbacks.current.selected;
      if (!id) return;
      const found = map.querySourceFeatures(ZONES_SOURCE, { sourceLayer: ZONES_SOURCE_LAYER, filter: ['==', ['get', 'id'], id] });
      callbacks.current.onSelectedZone(found[0] ? zoneOf(found[0]) : null);
    };
    map.on('click', ZONES_FILL, click);
    map.on('mouseenter', ZONES_FILL, enter);
    map.on('mouseleave', ZONES_FILL, leave);
    map.on('idle', idle);
    return () => {
      map.off('click', ZONES_FILL, click);
      map.off('mouseenter', ZONES_FILL, enter);
      map.off('mouseleave', ZONES_FILL, leave);
      map.off('idle', idle);
      try {
        for (const layer of [...zonesLayers].reverse()) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
        if (map.getSource(ZONES_SOURCE)) map.removeSource(ZONES_SOURCE);
      } catch {
        // the map itself is already gone
      }
    };
    // Added once per map: tiles, colours and selection follow in the effects below.
  }, [map]);

  useEffect(() => {
    const source = map?.getSource<VectorTileSource>(ZONES_SOURCE);
    if (source && source.tiles?.[0] !== tiles) source.setTiles([tiles]);
  }, [map, tiles]);

  const colourKey = JSON.stringify(fillColor);
  useEffect(() => {
    if (map?.getLayer(ZONES_FILL)) map.setPaintProperty(ZONES_FILL, 'fill-color', fillColor);
    // colourKey stands for fillColor (a new array with the same colours changes nothing).
  }, [map, colourKey]);

  useEffect(() => {
    if (map?.getLayer(ZONES_SELECTED)) map.setFilter(ZONES_SELECTED, selectedFilter(selected));
  }, [map, selected]);

  return null;
}
