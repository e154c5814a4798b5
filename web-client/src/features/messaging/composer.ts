import type { PayloadError } from '../../api/mutationErrors';
import type { ComposeMessageInput, ConsentChannel, MessageDetailsFieldsFragment, PersonKind } from '../../gql/graphql';
import { MAX_SMS_SEGMENTS, mentionsStop, unknownVariables } from './messageText';
import { nodeVariables, type MessagingNode } from './node';

/** What the composer holds: a saved segment ('' for everyone the node sends to), the text, and how it is sent. */
export interface ComposerValues {
  segmentId: string;
  subject: string;
  body: string;
  campaign: boolean;
  ignoreQuietHours: boolean;
  /** datetime-local text, on the browser's clock; empty: no time chosen. */
  scheduleAt: string;
}

/** What the API names the composer's fields: its errors are shown next to them. */
export const COMPOSER_PATHS = ['segmentId', 'definition', 'subject', 'body', 'campaign', 'ignoreQuietHours', 'at'] as const;

/** A message may be scheduled at most this far ahead (the API refuses further: SCHEDULE_TOO_FAR). */
export const MAX_SCHEDULE_DAYS = 90;

/** Test sends a person may make in a day, drafts only (the API refuses more: TOO_MANY_TESTS). */
export const MAX_TESTS_PER_DAY = 20;

/**
 * Whether a message to these kinds of people may be marked as not campaigning (held by no electoral silence): only to
 * members alone. The national team may mark any (the API refuses the others: CAMPAIGN_REQUIRED).
 */
export function mayBeNotCampaign(kinds: readonly PersonKind[]): boolean {
  return kinds.length === 1 && kinds[0] === 'MEMBER';
}

/** A control character (a line break, a tab…): a subject is one line (the API refuses them: INVALID_CHARACTERS). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function emptyComposerValues(segmentId = ''): ComposerValues {
  return { segmentId, subject: '', body: '', campaign: true, ignoreQuietHours: false, scheduleAt: '' };
}

export function composerValues(m: MessageDetailsFieldsFragment): ComposerValues {
  return {
    segmentId: m.segmentId ?? '',
    subject: m.subject ?? '',
    body: m.body,
    campaign: m.campaign,
    ignoreQuietHours: m.ignoreQuietHours,
    scheduleAt: '',
  };
}

/** The draft as composeMessage takes it: a new one names its node, a change its id. */
export function composeInput(v: ComposerValues, channel: ConsentChannel, node: MessagingNode, messageId: string | null, nationally: boolean): ComposeMessageInput {
  return {
    ...(messageId ? { id: messageId } : nodeVariables(node)),
    channel,
    purpose: 'NEWS',
    // No saved segment: everyone the node sends to (who consented and can be reached).
    segmentId: v.segmentId || null,
    definition: v.segmentId ? null : {},
    subject: channel === 'EMAIL' ? v.subject.trim() : null,
    body: v.body,
    campaign: v.campaign,
    ignoreQuietHours: channel === 'SMS' && nationally && v.ignoreQuietHours,
  };
}

/** What the composer checks before saving (the API checks the same, and more). */
export function localComposerErrors(v: ComposerValues, channel: ConsentChannel, smsSegments: number | null): PayloadError[] {
  const errors: PayloadError[] = [];
  if (channel === 'EMAIL' && !v.subject.trim()) errors.push({ code: 'SUBJECT_REQUIRED', field: 'subject' });
  if (channel === 'EMAIL' && CONTROL.test(v.subject.trim())) errors.push({ code: 'INVALID_CHARACTERS', field: 'subject' });
  if (channel === 'EMAIL' && unknownVariables(v.subject).length) errors.push({ code: 'UNKNOWN_VARIABLE', field: 'subject' });
  if (!v.body.trim()) errors.push({ code: 'EMPTY_MESSAGE', field: 'body' });
  else {
    if (unknownVariables(v.body).length) errors.push({ code: 'UNKNOWN_VARIABLE', field: 'body' });
    if (channel === 'SMS' && !mentionsStop(v.body)) errors.push({ code: 'STOP_MENTION_REQUIRED', field: 'body' });
    if (channel === 'SMS' && smsSegments != null && smsSegments > MAX_SMS_SEGMENTS) errors.push({ code: 'TOO_LONG', field: 'body' });
  }
  return errors;
}

/** The instant a datetime-local text names on the browser's clock, as ISO UTC; null when it names none. */
export function localTimeToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A time to send at: in the future, at most 90 days ahead. */
export function scheduleErrors(local: string, now = Date.now()): PayloadError[] {
  const iso = localTimeToIso(local);
  if (!iso) return [{ code: 'SCHEDULE_REQUIRED', field: 'at' }];
  const at = Date.parse(iso);
  if (at <= now) return [{ code: 'SCHEDULE_IN_THE_PAST', field: 'at' }];
  if (at > now + MAX_SCHEDULE_DAYS * 86_400_000) return [{ code: 'SCHEDULE_TOO_FAR', field: 'at' }];
  return [];
}

/** The datetime-local text of an instant, on the browser's clock (for the input's min and max). */
export function isoToLocalTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "GSM7" → "GSM-7", "UCS2" → "UCS-2". */
export function encodingName(encoding: string): string {
  return encoding.replace(/^(GSM|UCS)-?(\d)$/i, (_, a: string, n: string) => `${a.toUpperCase()}-${n}`);
}
