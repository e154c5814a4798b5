import type { PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment, ActionInput, ActionKind, ActionVisibility } from '../../gql/graphql';
import { DEFAULT_TIME_ZONE, instantToLocal, localToInstant } from './actionTime';
import type { LatLon } from './layers';

/** The form's values: times as datetime-local text read in timeZone, numbers as typed. */
export interface ActionFormValues {
  kind: ActionKind;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  meetingAddress: string;
  meetingPoint: LatLon | null;
  attendanceTarget: string;
  capacity: string;
  visibility: ActionVisibility;
  turfStations: string;
  publish: boolean;
}

/** What the API names the form's fields (action.endsAt…): its errors are shown next to them. */
export const ACTION_FORM_PATHS = [
  'action.kind',
  'action.title',
  'action.description',
  'action.startsAt',
  'action.endsAt',
  'action.timeZone',
  'action.meetingAddress',
  'action.meetingPoint',
  'action.attendanceTarget',
  'action.capacity',
  'action.visibility',
  'action.turfStationIds',
] as const;

export type ActionFormField = (typeof ACTION_FORM_PATHS)[number] extends `action.${infer F}` ? F : never;

export const VISIBILITIES: readonly ActionVisibility[] = ['SECTION', 'MEMBERS_AND_SUPPORTERS', 'PUBLIC'];

export function emptyActionValues(): ActionFormValues {
  return {
    kind: 'LEAFLETING',
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    timeZone: DEFAULT_TIME_ZONE,
    meetingAddress: '',
    meetingPoint: null,
    attendanceTarget: '5',
    capacity: '',
    visibility: 'SECTION',
    turfStations: '',
    publish: false,
  };
}

export function valuesOf(action: ActionDetailsFieldsFragment): ActionFormValues {
  return {
    kind: action.kind,
    title: action.title,
    description: action.description,
    startsAt: instantToLocal(action.startsAt, action.timeZone),
    endsAt: instantToLocal(action.endsAt, action.timeZone),
    timeZone: action.timeZone,
    meetingAddress: action.meetingAddress ?? '',
    meetingPoint: action.meetingPoint ? { latitude: action.meetingPoint.latitude, longitude: action.meetingPoint.longitude } : null,
    attendanceTarget: String(action.attendanceTarget),
    capacity: action.capacity != null ? String(action.capacity) : '',
    visibility: action.visibility,
    turfStations: (action.turfStationIds ?? []).join(', '),
    publish: false,
  };
}

/** "29019_12, 29019_13" or one per line → the station codes. */
export function parseStations(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean))];
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** Two hours after a start, for the end when none is set yet. */
export function defaultEnd(startLocal: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(startLocal);
  if (!m) return '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]) + 2, Number(m[5])));
  return d.toISOString().slice(0, 16);
}

/** What the form checks before sending (with the API's field names and codes); the API checks it all again. */
export function localActionErrors(v: ActionFormValues): PayloadError[] {
  const errors: PayloadError[] = [];
  const add = (field: ActionFormField, code: string) => errors.push({ code, field: `action.${field}` });
  if (!v.title.trim()) add('title', 'REQUIRED');
  const starts = localToInstant(v.startsAt, v.timeZone);
  const ends = localToInstant(v.endsAt, v.timeZone);
  if (!starts) add('startsAt', 'REQUIRED');
  if (!ends) add('endsAt', 'REQUIRED');
  else if (starts && Date.parse(ends) <= Date.parse(starts)) add('endsAt', 'ENDS_BEFORE_START');
  if (!v.meetingAddress.trim()) add('meetingAddress', 'REQUIRED');
  if (!v.meetingPoint) add('meetingPoint', 'POINT_REQUIRED');
  if (wholeNumber(v.attendanceTarget) == null) add('attendanceTarget', 'WHOLE_NUMBER');
  if (v.capacity.trim() && !wholeNumber(v.capacity)) add('capacity', 'WHOLE_NUMBER');
  return errors;
}

/**
 * The ActionInput the API takes (it replaces the action's fields): what the form holds, and what it does not show but
 * must keep (the drawn turf; the commune, while the point has not moved).
 */
export function buildActionInput(
  v: ActionFormValues,
  kept: { turfArea?: string | null; communeCode?: string | null; meetingPoint?: LatLon | null } = {},
): ActionInput {
  const samePoint =
    !!kept.meetingPoint && kept.meetingPoint.latitude === v.meetingPoint?.latitude && kept.meetingPoint.longitude === v.meetingPoint?.longitude;
  return {
    kind: v.kind,
    title: v.title.trim(),
    description: v.description.trim() || null,
    startsAt: localToInstant(v.startsAt, v.timeZone)!,
    endsAt: localToInstant(v.endsAt, v.timeZone)!,
    timeZone: v.timeZone,
    meetingAddress: v.meetingAddress.trim(),
    meetingPoint: v.meetingPoint!,
    attendanceTarget: wholeNumber(v.attendanceTarget) ?? 0,
    capacity: wholeNumber(v.capacity),
    visibility: v.visibility,
    turfStationIds: parseStations(v.turfStations),
    turfArea: kept.turfArea ?? null,
    communeCode: samePoint ? (kept.communeCode ?? null) : null,
  };
}
