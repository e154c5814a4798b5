import type { PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment, ActionInput, ActionKind, ActionVisibility, QuestionKind, SurveyQuestionInput } from '../../gql/graphql';
import { DEFAULT_TIME_ZONE, instantToLocal, localToInstant } from './actionTime';
import type { LatLon } from './layers';
import { MAX_TURF_POINTS, MIN_TURF_POINTS, parseTurfArea, turfAreaInput, turfCrosses } from './turfArea';

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
  /** The turf drawn on the map: its vertices in order (the ring is closed when sent). */
  turfPoints: LatLon[];
  /** Door-to-door: the canvass it belongs to, and the questions asked at each door. */
  campaign: string;
  questions: QuestionDraft[];
  publish: boolean;
}

/** A survey question being written: choices one per line. */
export interface QuestionDraft {
  /** Keeps React's rows apart; not sent. */
  key: string;
  label: string;
  kind: QuestionKind;
  choices: string;
}

export const QUESTION_KINDS: readonly QuestionKind[] = ['YES_NO', 'CHOICE', 'TEXT'];
/** As the API allows (SurveyQuestion.MaxQuestions). */
export const MAX_QUESTIONS = 10;

let draftKeys = 0;
export function newQuestion(kind: QuestionKind = 'YES_NO', label = '', choices = ''): QuestionDraft {
  draftKeys += 1;
  return { key: `q${draftKeys}`, label, kind, choices };
}

/** The questions as the API takes them: choices only for a CHOICE question, blank lines left out. */
export function questionInputs(questions: readonly QuestionDraft[]): (SurveyQuestionInput & { choices: string[] })[] {
  return questions.map((q) => ({
    label: q.label.trim(),
    kind: q.kind,
    choices: q.kind === 'CHOICE' ? q.choices.split('\n').map((c) => c.trim()).filter(Boolean) : [],
  }));
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
  'action.turfArea',
  'action.campaign',
  'action.questions',
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
    turfPoints: [],
    campaign: '',
    questions: [],
    publish: false,
  };
}

/** An action as the edit form reads it: its campaign and questions too. */
export type EditedAction = ActionDetailsFieldsFragment & {
  turfArea?: string | null;
  campaign?: string | null;
  questions?: readonly { label: string; kind: QuestionKind; choices: readonly string[] }[] | null;
};

export function valuesOf(action: EditedAction): ActionFormValues {
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
    turfPoints: parseTurfArea(action.turfArea).points,
    campaign: action.campaign ?? '',
    questions: (action.questions ?? []).map((q) => newQuestion(q.kind, q.label, q.choices.join('\n'))),
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
  const corners = v.turfPoints.length;
  if (corners > 0 && corners < MIN_TURF_POINTS) add('turfArea', 'TURF_POINTS_NEEDED');
  else if (corners + 1 > MAX_TURF_POINTS) add('turfArea', 'TOO_LONG');
  else if (turfCrosses(v.turfPoints)) add('turfArea', 'INVALID_GEOMETRY');
  if (v.kind === 'DOOR_TO_DOOR') {
    questionInputs(v.questions).forEach((q, i) => {
      if (!q.label) errors.push({ code: 'REQUIRED', field: `action.questions.${i}.label` });
      if (q.kind === 'CHOICE' && q.choices.length < 2) errors.push({ code: 'CHOICES_NEEDED', field: `action.questions.${i}.choices` });
    });
  }
  return errors;
}

/**
 * The ActionInput the API takes (it replaces the action's fields): what the form holds, and what it does not show but
 * must keep (the commune, while the point has not moved).
 */
export function buildActionInput(
  v: ActionFormValues,
  kept: { turfArea?: string | null; communeCode?: string | null; meetingPoint?: LatLon | null; campaign?: string; questions?: ActionFormValues['questions'] } = {},
): ActionInput {
  // Campaign and questions are sent when set or changed; left out, the API keeps them (a resend would renumber the
  // questions the reports already answered).
  const questions = v.kind === 'DOOR_TO_DOOR' ? questionInputs(v.questions) : [];
  const keptQuestions = questionInputs(kept.questions ?? []);
  const questionsChanged = JSON.stringify(questions) !== JSON.stringify(keptQuestions);
  const campaign = v.campaign.trim();
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
    // Left out while the drawn turf is the one the action has (a MultiPolygon drawn elsewhere stays whole).
    turfArea: turfAreaInput(v.turfPoints, kept.turfArea),
    communeCode: samePoint ? (kept.communeCode ?? null) : null,
    campaign: campaign !== (kept.campaign ?? '').trim() ? campaign : undefined,
    questions: questionsChanged ? questions : undefined,
  };
}
