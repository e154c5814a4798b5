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
  /** A static list's people (picked by hand), sent back as they are: only when the viewer sees every one of them. */
  personIds: string[];
}

/** Nothing kept: a new segment. */
export const NOTHING_KEPT: KeptDefinition = { area: null, sectionIds: [], personIds: [] };

export const PERSON_KINDS: readonly PersonKind[] = ['MEMBER', 'SUPPORTER', 'FORMER_MEMBER'];
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

/**
 * The definition the API takes; the count is asked with it while the form is edited. For a viewer who does not see
 * everyone (`narrow` false), only the filters they may set: kind, section and consent.
 */
export function buildDefinition(v: SegmentFormValues, kept: KeptDefinition, narrow = true): SegmentDefinitionInput {
  if (!narrow) return { kinds: v.kinds, consentFor: v.consentFor || null, sectionIds: kept.sectionIds };
  return {
    kinds: v.kinds,
    tags: parseTags(v.tags),
    stationIds: parseStations(v.stations),
    actionIds: v.actionIds,
    consentFor: v.consentFor || null,
    sectionIds: kept.sectionIds,
    area: areaInput(v.areaPoints, kept.area),
    ...(kept.personIds.length ? { personIds: kept.personIds } : {}),
  };
}

/** The filters only those who see everyone of a node may set (the API refuses them to others: FILTER_NOT_ALLOWED). */
export const NARROW_FILTERS = ['area', 'stationIds', 'tags', 'actionIds', 'personIds'] as const;

/** Whether a saved segment uses a filter only those who see everyone may set: a drawn area, stations, tags, actions, people. */
export function usesNarrowFilters(s: Pick<SegmentFieldsFragment, 'area' | 'definition'>): boolean {
  const d = s.definition;
  return !!s.area || d.stationIds.length > 0 || d.tags.length > 0 || d.actionIds.length > 0 || d.personCount > 0;
}

/** Whether the viewer sees every person of a static list (then it can be sent back whole when the segment is saved). */
export function seesWholeList(d: SegmentFieldsFragment['definition']): boolean {
  return d.personIds.length >= d.personCount;
}

/** What the form checks before sending (the API checks the rest). */
export function localSegmentErrors(v: SegmentFormValues, narrow = true): PayloadError[] {
  const errors: PayloadError[] = [];
  if (!v.name.trim()) errors.push({ code: 'REQUIRED', field: 'name' });
  return narrow ? [...errors, ...areaErrors(v.areaPoints)] : errors;
}

export function areaErrors(points: readonly LatLon[]): PayloadError[] {
  const corners = points.length;
  if (corners > 0 && corners < MIN_TURF_POINTS) return [{ code: 'AREA_POINTS_NEEDED', field: 'definition.area' }];
  if (corners + 1 > MAX_TURF_POINTS) return [{ code: 'TOO_LONG', field: 'definition.area' }];
  if (turfCrosses(points)) return [{ code: 'INVALID_GEOMETRY', field: 'definition.area' }];
  return [];
}
