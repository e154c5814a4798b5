import i18n from 'i18next';

// An action happens somewhere: its times are read and written in the place's time zone (Action.timeZone), not in the
// time zone of whoever looks at it from elsewhere.

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Time zones of France and its overseas territories, where sections organize. */
export const TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'America/Miquelon',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Pacific/Wallis',
] as const;

function locale(): string {
  return i18n.resolvedLanguage === 'fr' ? 'fr-FR' : 'en-GB';
}

/** The wall-clock parts of an instant in a time zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes the zone is ahead of UTC at that instant (+60 in Paris in winter). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A datetime-local value ("2026-12-05T10:00") read in a time zone, as an ISO instant with that zone's offset
 * ("2026-12-05T10:00:00+01:00"). Null when the value is not a date and time.
 */
export function localToInstant(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset depends on the instant itself: a second pass settles the days clocks change.
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO instant as a datetime-local value in a time zone. */
export function instantToLocal(iso: string, timeZone: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const w = wallClock(time, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "Sat 5 Dec 2026, 10:00 – 12:00" in the action's time zone (both dates when it spans days). */
export function formatWhen(startsAt: string, endsAt: string, timeZone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startsAt;
  const format = new Intl.DateTimeFormat(locale(), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return end > start ? format.formatRange(start, end) : format.format(start);
}

/** An instant (a notice, a check-in) in the action's time zone. */
export function formatInstant(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "Paris", "Cayenne": the city naming a zone. */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** The viewer's own zone differs from the action's: the times then say whose clock they are on. */
export function isForeignZone(timeZone: string): boolean {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone !== timeZone;
  } catch {
    return true;
  }
}

/** A yyyy-mm-dd day as the instant it starts (from) or ends (to) in the viewer's zone, for the near-me date range. */
export function dayStart(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toISOString() : null;
}

export function dayEnd(day: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  // The next midnight, built from the calendar: a day when clocks change is not 24 hours long.
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).toISOString() : null;
}

/** Check-in is open from three hours before the start to two days after the end (the API's window). */
export function checkInOpen(startsAt: string, endsAt: string, now = Date.now()): boolean {
  return now >= Date.parse(startsAt) - 3 * 3_600_000 && now <= Date.parse(endsAt) + 2 * 86_400_000;
}
