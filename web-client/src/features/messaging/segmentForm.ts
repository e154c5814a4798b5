import type { PayloadError } from '../../api/mutationErrors';
import type { ConsentChannel, PersonKind, SegmentDefinitionInput, SegmentFieldsFragment } from '../../gql/graphql';
import { parseStations } from '../actions/actionForm';
import type { LatLon } from '../actions/layers';
import { MAX_TURF_POINTS, MIN_TURF_POINTS, parseTurfArea, sameTurf, turfAreaJson, turfCrosses } from '../actions/turfArea';

/** The segment form's values: lists as typed (tags by commas, stations by commas or lines), the area's corners. */
export interface SegmentFormValues {
  name: string;
  kinds: PersonKind[];
  tags: string;
  stations: string;
  actionIds: string[];
  consentFor: ConsentChannel | '';
  areaPoints: LatLon[];
}

/** What the form does not show but must send back as it is (the API replaces the whole definition). */
export interface KeptDefinition {
  /** The saved area, as GeoJSON: sent again whole while its corners are unchanged (a MultiPolygon stays whole). */
  area: string | null;
  sectionIds: string[];
}

export const PERSON_KINDS: readonly PersonKind[] = ['MEMBER', 'SUPPORTER'];
export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['EMAIL', 'SMS'];

/** What the API names the form's fields: its errors are shown next to them. */
export const SEGMENT_FORM_PATHS = [
  'name',
  'definition.kinds',
  'definition.tags',
  'definition.stationIds',
  'definition.actionIds',
  'definition.consentFor',
  'definition.area',
] as const;

export function emptySegmentValues(): SegmentFormValues {
  return { name: '', kinds: [], tags: '', stations: '', actionIds: [], consentFor: '', areaPoints: [] };
}

export function segmentValues(s: SegmentFieldsFragment): SegmentFormValues {
  return {
    name: s.name,
    kinds: [...s.definition.kinds],
    tags: s.definition.tags.join(', '),
    stations: s.definition.stationIds.join(', '),
    actionIds: [...s.definition.actionIds],
    consentFor: s.definition.consentFor ?? '',
    areaPoints: parseTurfArea(s.area).points,
  };
}

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => {
      const key = t.toLocaleLowerCase();
      if (!t || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The area sent: the saved one while its corners are unchanged, the drawn polygon, or none (under three corners). */
export function areaInput(points: readonly LatLon[], kept: string | null): string | null {
  if (kept && sameTurf(points, parseTurfArea(kept).points)) return kept;
  return turfAreaJson(points);
}

/** The definition the API takes; the count is asked with it while the form is edited. */
export function buildDefinition(v: SegmentFormValues, kept: KeptDefinition): SegmentDefinitionInput {
  return {
    kinds: v.kinds,
    tags: parseTags(v.tags),
    stationIds: parseStations(v.stations),
    actionIds: v.actionIds,
    consentFor: v.consentFor || null,
    sectionIds: kept.sectionIds,
    area: areaInput(v.areaPoints, kept.area),
  };
}

/** What the form checks before sending (the API checks the rest). */
export function localSegmentErrors(v: SegmentFormValues): PayloadError[] {
  const errors: PayloadError[] = [];
  if (!v.name.trim()) errors.push({ code: 'REQUIRED', field: 'name' });
  return [...errors, ...areaErrors(v.areaPoints)];
}

export function areaErrors(points: readonly LatLon[]): PayloadError[] {
  const corners = points.length;
  if (corners > 0 && corners < MIN_TURF_POINTS) return [{ code: 'AREA_POINTS_NEEDED', field: 'definition.area' }];
  if (corners + 1 > MAX_TURF_POINTS) return [{ code: 'TOO_LONG', field: 'definition.area' }];
  if (turfCrosses(points)) return [{ code: 'INVALID_GEOMETRY', field: 'definition.area' }];
  return [];
}
