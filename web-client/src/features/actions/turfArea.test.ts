import { describe, expect, it } from 'vitest';
import { buildActionInput, emptyActionValues, localActionErrors, valuesOf, type EditedAction } from './actionForm';
import {
  addTurfPoint,
  closedRing,
  parseTurfArea,
  turfAreaInput,
  turfAreaJson,
  turfBounds,
  turfCrosses,
  turfFeatures,
  undoTurfPoint,
} from './turfArea';

const A = { latitude: 48.39, longitude: -4.49 };
const B = { latitude: 48.39, longitude: -4.48 };
const C = { latitude: 48.4, longitude: -4.48 };
const D = { latitude: 48.4, longitude: -4.49 };
const SQUARE = [A, B, C, D];
const SQUARE_JSON = '{"type":"Polygon","coordinates":[[[-4.49,48.39],[-4.48,48.39],[-4.48,48.4],[-4.49,48.4],[-4.49,48.39]]]}';

describe('the turf drawn on the map', () => {
  it('adds taps to six decimals, ignores a second tap on the same spot, and undoes the last one', () => {
    let points = addTurfPoint([], { latitude: 48.390000123, longitude: -4.490000456 });
    expect(points).toEqual([A]);
    points = addTurfPoint(points, A);
    expect(points).toEqual([A]);
    points = addTurfPoint(points, B);
    expect(points).toEqual([A, B]);
    expect(undoTurfPoint(points)).toEqual([A]);
    expect(undoTurfPoint([])).toEqual([]);
  });

  it('closes the ring and writes a GeoJSON Polygon in [lon, lat], from three points on', () => {
    expect(closedRing(SQUARE)).toEqual([[-4.49, 48.39], [-4.48, 48.39], [-4.48, 48.4], [-4.49, 48.4], [-4.49, 48.39]]);
    // a ring already closed is not closed twice
    expect(closedRing([...SQUARE, A])).toHaveLength(5);
    expect(turfAreaJson(SQUARE)).toBe(SQUARE_JSON);
    expect(turfAreaJson([A, B])).toBeNull();
    expect(JSON.parse(turfAreaJson([A, B, C])!).coordinates[0]).toHaveLength(4);
  });

  it('reads back a Polygon, a MultiPolygon (its first outline), a Feature, and nothing from the rest', () => {
    expect(parseTurfArea(SQUARE_JSON)).toEqual({ points: SQUARE, partial: false });
    const square = JSON.parse(SQUARE_JSON).coordinates;
    expect(parseTurfArea(JSON.stringify({ type: 'MultiPolygon', coordinates: [square, square] }))).toEqual({ points: SQUARE, partial: true });
    expect(parseTurfArea(JSON.stringify({ type: 'Polygon', coordinates: [square[0], square[0]] })).partial).toBe(true);
    expect(parseTurfArea(JSON.stringify({ type: 'Feature', properties: {}, geometry: JSON.parse(SQUARE_JSON) })).points).toEqual(SQUARE);
    for (const text of [null, undefined, '', 'not json', '{}', 'null', '{"type":"Point","coordinates":[1,2]}', '{"type":"Polygon","coordinates":[[["a","b"]]]}']) {
      expect(parseTurfArea(text), String(text)).toEqual({ points: [], partial: false });
    }
    expect(parseTurfArea(turfAreaJson(SQUARE)).points).toEqual(SQUARE);
  });

  it('is left out when unchanged, "" when cleared, the polygon otherwise', () => {
    expect(turfAreaInput([], null)).toBeUndefined();
    expect(turfAreaInput([], '')).toBeUndefined();
    expect(turfAreaInput(SQUARE, SQUARE_JSON)).toBeUndefined();
    expect(turfAreaInput([], SQUARE_JSON)).toBe('');
    expect(turfAreaInput([A, B, C], SQUARE_JSON)).toBe(turfAreaJson([A, B, C]));
    expect(turfAreaInput(SQUARE, null)).toBe(SQUARE_JSON);
    // too few points are never sent (the form says so first)
    expect(turfAreaInput([A, B], SQUARE_JSON)).toBeUndefined();
  });

  it('finds sides that cross', () => {
    expect(turfCrosses(SQUARE)).toBe(false);
    expect(turfCrosses([A, C, B, D])).toBe(true);
    expect(turfCrosses([A, B, C])).toBe(false);
    // the same corner twice makes sides touch
    expect(turfCrosses([A, B, C, A, D])).toBe(true);
  });

  it('draws a line under three points, a polygon from three, and frames them', () => {
    expect(turfFeatures([]).features).toEqual([]);
    expect(turfFeatures([A, B]).features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point']);
    const features = turfFeatures(SQUARE).features;
    expect(features[0]!.geometry.type).toBe('Polygon');
    expect(features.map((f) => f.properties?.last)).toEqual([undefined, false, false, false, true]);
    expect(turfBounds(SQUARE)).toEqual([-4.49, 48.39, -4.48, 48.4]);
    expect(turfBounds([])).toBeNull();
  });

  it('is checked by the form and sent in ActionInput', () => {
    const base = { ...emptyActionValues(), title: 'Porte-à-porte', startsAt: '2026-12-05T10:00', endsAt: '2026-12-05T12:00', meetingAddress: 'Place', meetingPoint: A };
    expect(localActionErrors({ ...base, turfPoints: [A, B] })).toEqual([{ code: 'TURF_POINTS_NEEDED', field: 'action.turfArea' }]);
    expect(localActionErrors({ ...base, turfPoints: [A, C, B, D] })).toEqual([{ code: 'INVALID_GEOMETRY', field: 'action.turfArea' }]);
    expect(localActionErrors({ ...base, turfPoints: SQUARE })).toEqual([]);
    expect(buildActionInput({ ...base, turfPoints: SQUARE }).turfArea).toBe(SQUARE_JSON);
    expect(buildActionInput(base).turfArea).toBeUndefined();

    const edited = valuesOf({ ...(base as unknown as EditedAction), startsAt: '2026-12-05T09:00:00Z', endsAt: '2026-12-05T11:00:00Z', attendanceTarget: 5, turfArea: SQUARE_JSON } as EditedAction);
    expect(edited.turfPoints).toEqual(SQUARE);
    expect(buildActionInput(edited, { turfArea: SQUARE_JSON }).turfArea).toBeUndefined();
    expect(buildActionInput({ ...edited, turfPoints: [] }, { turfArea: SQUARE_JSON }).turfArea).toBe('');
  });
});
