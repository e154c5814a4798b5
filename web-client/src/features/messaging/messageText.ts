import type { MessageSummaryFieldsFragment } from '../../gql/graphql';

/** The first words of a text, on one line, cut at a word under `max` characters. */
export function firstWords(text: string, max = 80): string {
  const line = text
    .replace(/[#*_>`[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What a list calls a message: its subject (a newsletter), else its first words (an SMS). */
export function messageTitle(m: Pick<MessageSummaryFieldsFragment, 'subject' | 'body'>): string {
  return m.subject?.trim() || firstWords(m.body) || '—';
}

/** The moment that matters for a message: when it finished, started, is planned, or was written. */
export function messageWhen(m: Pick<MessageSummaryFieldsFragment, 'finishedAt' | 'sendStartedAt' | 'scheduledAt' | 'createdAt'>): string {
  return m.finishedAt ?? m.sendStartedAt ?? m.scheduledAt ?? m.createdAt;
}

// The rules the API checks a text with (MessageRules): known here so that the composer says so while typing.

/** The variables a text may use. */
export const VARIABLES = ['firstName', 'section'] as const;
const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The unknown variables a text uses, once each, in order. */
export function unknownVariables(text: string): string[] {
  const names = [...text.matchAll(VARIABLE)].map((m) => m[1] ?? '').filter((v) => !(VARIABLES as readonly string[]).includes(v));
  return [...new Set(names)];
}

/** An SMS must say how to stop receiving them ("STOP", "ARRET"): French rules for political SMS. */
export function mentionsStop(text: string): boolean {
  return /(^|[^\p{L}\p{N}_])(STOP|ARRET|ARRÊT)(?=$|[^\p{L}\p{N}_])/iu.test(text);
}

/** At most this many SMS segments (the API refuses more: TOO_LONG). */
export const MAX_SMS_SEGMENTS = 6;
