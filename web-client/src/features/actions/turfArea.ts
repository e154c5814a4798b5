import type { FeatureCollection } from 'geojson';
import type { LatLon } from './layers';

// The turf drawn on the map: the vertices the organizer tapped, in order; the ring is closed only when sent. What the
// API takes (ActionInput.turfArea): a GeoJSON Polygon as a string (WGS84, [lon, lat]); "" removes it.

/** A polygon needs three corners. */
export const MIN_TURF_POINTS = 3;
/** As the API allows (TOO_LONG above), the closing point included. */
export const MAX_TURF_POINTS = 10_000;

/** A tapped vertex at the end, to six decimals (about 10 cm); a second tap on the same spot adds nothing. */
export function addTurfPoint(points: readonly LatLon[], point: LatLon): LatLon[] {
  const p = { latitude: round(point.latitude), longitude: round(point.longitude) };
  const last = points.at(-1);
  if (last && same(last, p)) return [...points];
  return [...points, p];
}

/** Without the last vertex. */
export function undoTurfPoint(points: readonly LatLon[]): LatLon[] {
  return points.slice(0, -1);
}

/** The vertices as a closed GeoJSON ring ([lon, lat], the first repeated at the end). */
export function closedRing(points: readonly LatLon[]): XY[] {
  const ring = points.map((p): XY => [p.longitude, p.latitude]);
  const [first] = ring;
  const last = ring.at(-1);
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

/** A GeoJSON position: [longitude, latitude]. */
type XY = [number, number];

/** The GeoJSON Polygon string the API takes; null under three vertices. */
export function turfAreaJson(points: readonly LatLon[]): string | null {
  if (points.length < MIN_TURF_POINTS) return null;
  return JSON.stringify({ type: 'Polygon', coordinates: [closedRing(points)] });
}

/**
 * The vertices of a turf the API sent (Polygon or MultiPolygon): the outer ring of its first polygon, without the closing
 * point. partial: there is more (holes, other polygons) that a redrawn turf would not keep. Nothing for what is no polygon.
 */
export function parseTurfArea(text: string | null | undefined): { points: LatLon[]; partial: boolean } {
  const none = { points: [], partial: false };
  if (!text?.trim()) return none;
  let geometry: unknown;
  try {
    geometry = JSON.parse(text);
  } catch {
    return none;
  }
  if (!geometry || typeof geometry !== 'object') return none;
  // A Feature holding the geometry is read too.
  const g = (geometry as { type?: unknown; geometry?: unknown }).type === 'Feature' ? (geometry as { geometry: unknown }).geometry : geometry;
  const { type, coordinates } = (g ?? {}) as { type?: unknown; coordinates?: unknown };
  let polygons: unknown[];
  if (type === 'Polygon') polygons = [coordinates];
  else if (type === 'MultiPolygon' && Array.isArray(coordinates)) polygons = coordinates;
  else return none;
  const rings = polygons[0];
  if (!Array.isArray(rings) || !Array.isArray(rings[0])) return none;
  const points: LatLon[] = [];
  for (const position of rings[0] as unknown[]) {
    if (!Array.isArray(position) || typeof position[0] !== 'number' || typeof position[1] !== 'number') return none;
    points.push({ longitude: position[0], latitude: position[1] });
  }
  if (points.length > 1 && same(points[0]!, points.at(-1)!)) points.pop();
  return { points, partial: polygons.length > 1 || rings.length > 1 };
}

/** Whether two lists hold the same vertices in the same order. */
export function sameTurf(a: readonly LatLon[], b: readonly LatLon[]): boolean {
  return a.length === b.length && a.every((p, i) => same(p, b[i]!));
}

/**
 * What ActionInput.turfArea gets: left out when the vertices are those of the kept turf (the API keeps it) or too few to
 * send (the form says so first); "" when they were all removed; else the polygon.
 */
export function turfAreaInput(points: readonly LatLon[], kept: string | null | undefined): string | undefined {
  if (sameTurf(points, parseTurfArea(kept).points)) return undefined;
  if (!points.length) return '';
  return turfAreaJson(points) ?? undefined;
}

/** Whether two sides of the closed polygon cross (the API refuses it: INVALID_GEOMETRY). */
export function turfCrosses(points: readonly LatLon[]): boolean {
  if (points.length < 4) return false;
  const ring = closedRing(points);
  const sides = ring.length - 1;
  for (let i = 0; i < sides; i++) {
    for (let j = i + 1; j < sides; j++) {
      // Neighbouring sides share a vertex; the first and last do too.
      if (j === i + 1 || (i === 0 && j === sides - 1)) continue;
      if (segmentsCross(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return true;
    }
  }
  return false;
}

/** What the map draws: the polygon (or the line so far) and the vertices, the last one marked. */
export function turfFeatures(points: readonly LatLon[]): FeatureCollection {
  const features: FeatureCollection['features'] = [];
  if (points.length >= MIN_TURF_POINTS) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [closedRing(points)] } });
  } else if (points.length === 2) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: points.map((p) => [p.longitude, p.latitude]) } });
  }
  points.forEach((p, i) =>
    features.push({ type: 'Feature', properties: { last: i === points.length - 1 }, geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] } }),
  );
  return { type: 'FeatureCollection', features };
}

/** [west, south, east, north] around the vertices. */
export function turfBounds(points: readonly LatLon[]): [number, number, number, number] | null {
  if (!points.length) return null;
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = orientation(c, d, a);
  const d2 = orientation(c, d, b);
  const d3 = orientation(a, b, c);
  const d4 = orientation(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Touching or overlapping sides are refused too.
  return (d1 === 0 && onSegment(c, d, a)) || (d2 === 0 && onSegment(c, d, b)) || (d3 === 0 && onSegment(a, b, c)) || (d4 === 0 && onSegment(a, b, d));
}

function orientation(p: XY, q: XY, r: XY): number {
  return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
}

function onSegment(p: XY, q: XY, r: XY): boolean {
  return Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
}

function same(a: LatLon, b: LatLon): boolean {
  return a.latitude === b.latitude && a.longitude === b.longitude;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
