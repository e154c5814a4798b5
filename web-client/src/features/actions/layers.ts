import type { CircleLayerSpecification, FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

// The actions maps' style, as typed constants: the searched place and its radius, the actions found, and the meeting
// point being picked. They are drawn over the campaign map's background (or the configured base map).

export const PLACE_SOURCE = 'actions-place';
export const RADIUS_SOURCE = 'actions-radius';
export const ACTIONS_SOURCE = 'actions-points';
export const PICKED_SOURCE = 'actions-picked';
export const SEAT_SOURCE = 'actions-seat';
export const TURF_SOURCE = 'actions-turf';

export const ACTION_COLOR = '#b3261e';
export const PLACE_COLOR = '#1a5fb4';

export const radiusFillLayer: FillLayerSpecification = {
  id: 'actions-radius-fill',
  type: 'fill',
  source: RADIUS_SOURCE,
  paint: { 'fill-color': PLACE_COLOR, 'fill-opacity': 0.06 },
};

export const radiusLineLayer: LineLayerSpecification = {
  id: 'actions-radius-line',
  type: 'line',
  source: RADIUS_SOURCE,
  paint: { 'line-color': PLACE_COLOR, 'line-width': 1.5, 'line-dasharray': [2, 2] },
};

export const placeLayer: CircleLayerSpecification = {
  id: 'actions-place',
  type: 'circle',
  source: PLACE_SOURCE,
  paint: { 'circle-radius': 7, 'circle-color': PLACE_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
};

/** The actions found; a wider transparent circle under each makes it easy to tap with a finger. */
export const actionsHitLayer: CircleLayerSpecification = {
  id: 'actions-hit',
  type: 'circle',
  source: ACTIONS_SOURCE,
  paint: { 'circle-radius': 20, 'circle-color': ACTION_COLOR, 'circle-opacity': 0 },
};

export const actionsLayer: CircleLayerSpecification = {
  id: 'actions-points',
  type: 'circle',
  source: ACTIONS_SOURCE,
  paint: { 'circle-radius': 9, 'circle-color': ACTION_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
};

export const seatLayer: CircleLayerSpecification = {
  id: 'actions-seat',
  type: 'circle',
  source: SEAT_SOURCE,
  paint: { 'circle-radius': 5, 'circle-color': '#5b6475', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
};

export const pickedLayer: CircleLayerSpecification = {
  id: 'actions-picked',
  type: 'circle',
  source: PICKED_SOURCE,
  paint: { 'circle-radius': 10, 'circle-color': ACTION_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 },
};

/** The turf being drawn: its polygon (or line, under three points) and its vertices, the last one larger. */
export const turfFillLayer: FillLayerSpecification = {
  id: 'actions-turf-fill',
  type: 'fill',
  source: TURF_SOURCE,
  filter: ['==', ['geometry-type'], 'Polygon'],
  paint: { 'fill-color': PLACE_COLOR, 'fill-opacity': 0.15 },
};

export const turfLineLayer: LineLayerSpecification = {
  id: 'actions-turf-line',
  type: 'line',
  source: TURF_SOURCE,
  filter: ['!=', ['geometry-type'], 'Point'],
  paint: { 'line-color': PLACE_COLOR, 'line-width': 2.5 },
};

export const turfVertexLayer: CircleLayerSpecification = {
  id: 'actions-turf-vertices',
  type: 'circle',
  source: TURF_SOURCE,
  filter: ['==', ['geometry-type'], 'Point'],
  paint: {
    'circle-radius': ['case', ['get', 'last'], 8, 5],
    'circle-color': PLACE_COLOR,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2,
  },
};

export interface LatLon {
  latitude: number;
  longitude: number;
}

export function pointFeatures(points: readonly (LatLon & { id?: string })[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      properties: { id: p.id ?? '' },
      geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
    })),
  };
}

/** A circle of radiusKm around a point, as a 64-sided polygon (good enough at a town's scale). */
export function radiusPolygon(center: LatLon, radiusKm: number): FeatureCollection {
  const { dLat, dLon } = degreesOf(center, radiusKm);
  const ring: [number, number][] = [];
  for (let i = 0; i <= 64; i++) {
    const angle = (i / 64) * 2 * Math.PI;
    ring.push([center.longitude + dLon * Math.cos(angle), center.latitude + dLat * Math.sin(angle)]);
  }
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] };
}

function degreesOf(center: LatLon, km: number) {
  const dLat = km / 111.32;
  const dLon = km / (111.32 * Math.max(0.05, Math.cos((center.latitude * Math.PI) / 180)));
  return { dLat, dLon };
}

/** [west, south, east, north] around the radius and every point. */
export function boundsOf(center: LatLon | null, radiusKm: number, points: readonly LatLon[]): [number, number, number, number] | null {
  const all = [...points];
  if (center) {
    const { dLat, dLon } = degreesOf(center, radiusKm);
    all.push({ latitude: center.latitude - dLat, longitude: center.longitude - dLon });
    all.push({ latitude: center.latitude + dLat, longitude: center.longitude + dLon });
  }
  if (!all.length) return null;
  const lons = all.map((p) => p.longitude);
  const lats = all.map((p) => p.latitude);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
