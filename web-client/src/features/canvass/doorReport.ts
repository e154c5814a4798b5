import type { DoorContactInput, DoorOutcome, QuestionKind } from '../../gql/graphql';

/** In the order the sheet offers them: the most frequent first. */
export const DOOR_OUTCOMES: readonly DoorOutcome[] = [
  'NOT_HOME',
  'OPENED',
  'REFUSED',
  'INTERESTED',
  'WANTS_TO_JOIN',
  'WANTS_TO_HELP',
  'ALREADY_VOTED',
  'NOT_REGISTERED',
  'REGISTERED_ELSEWHERE',
];

export interface SurveyQuestion {
  id: string;
  label: string;
  kind: QuestionKind;
  choices: readonly string[];
}

export interface ContactValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  consentGiven: boolean;
}

export interface ReportValues {
  outcome: DoorOutcome | null;
  /** By question id: "yes"/"no", a choice, or text. */
  answers: Record<string, string>;
  note: string;
  contact: ContactValues;
}

export const emptyContact: ContactValues = { firstName: '', lastName: '', email: '', phone: '', consentGiven: false };

export function emptyReport(): ReportValues {
  return { outcome: null, answers: {}, note: '', contact: emptyContact };
}

/** Nobody answered: no question is asked, no contact left. */
export function nobodyThere(outcome: DoorOutcome | null): boolean {
  return outcome === null || outcome === 'NOT_HOME';
}

export type ReportErrorField = 'outcome' | 'contact.firstName' | 'contact.email' | 'contact.consentGiven';

export type ReportErrorCode = 'OUTCOME_REQUIRED' | 'CONSENT_NEEDED' | 'REQUIRED' | 'EMAIL_OR_PHONE' | 'INVALID_EMAIL';

export interface ReportError {
  field: ReportErrorField;
  code: ReportErrorCode;
}

function contactStarted(c: ContactValues): boolean {
  return !!(c.firstName.trim() || c.lastName.trim() || c.email.trim() || c.phone.trim() || c.consentGiven);
}

/**
 * What the sheet checks before keeping a report (the API checks it again). Contact details are never kept without the
 * household's consent: details typed without the box ticked stop the report until the box is ticked or they are cleared.
 */
export function reportErrors(v: ReportValues): ReportError[] {
  const errors: ReportError[] = [];
  if (!v.outcome) errors.push({ field: 'outcome', code: 'OUTCOME_REQUIRED' });
  const c = v.contact;
  if (!nobodyThere(v.outcome) && contactStarted(c)) {
    if (!c.consentGiven) errors.push({ field: 'contact.consentGiven', code: 'CONSENT_NEEDED' });
    if (!c.firstName.trim()) errors.push({ field: 'contact.firstName', code: 'REQUIRED' });
    if (!c.email.trim() && !c.phone.trim()) errors.push({ field: 'contact.email', code: 'EMAIL_OR_PHONE' });
    else if (c.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim())) errors.push({ field: 'contact.email', code: 'INVALID_EMAIL' });
  }
  return errors;
}

/** The answers, note and contact as the API takes them (empty answers left out; a contact only with consent). */
export function reportPayload(v: ReportValues, questions: readonly SurveyQuestion[]) {
  const askAll = !nobodyThere(v.outcome);
  const answers = askAll
    ? questions.flatMap((q) => {
        const value = v.answers[q.id]?.trim();
        return value ? [{ questionId: q.id, value }] : [];
      })
    : [];
  const c = v.contact;
  const contact: DoorContactInput | null =
    askAll && c.consentGiven && c.firstName.trim()
      ? {
          firstName: c.firstName.trim(),
          lastName: c.lastName.trim() || null,
          email: c.email.trim() || null,
          phone: c.phone.trim() || null,
          consentGiven: true,
        }
      : null;
  return { answers, note: v.note.trim() || null, contact };
}
