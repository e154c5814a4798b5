import i18n from 'i18next';

function locale(): string {
  return i18n.resolvedLanguage === 'fr' ? 'fr-FR' : 'en-GB';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar day written yyyy-mm-dd (an election's date), shown in the reader's language whatever their time zone. */
export function formatDay(day: string | null | undefined): string {
  const parts = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!parts) return day ?? '';
  const date = new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}

/** A number in the reader's language, with at most `digits` decimals (exactly, when `fixed`). */
export function formatNumber(value: number | null | undefined, digits = 0, fixed = false): string {
  if (value == null || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(value);
}

/** A share in %, one decimal: "48,3 %" in French, "48.3%" in English. */
export function formatPercent(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value / 100);
}

/** A signed number, one decimal: "+2,1", "−0,4". */
export function formatSigned(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** A change in percentage points, signed: "+2,1 pts". */
export function formatPoints(value: number | null | undefined, unit = 'pts'): string {
  if (value == null || Number.isNaN(value)) return '';
  return `${formatSigned(value)} ${unit}`;
}
