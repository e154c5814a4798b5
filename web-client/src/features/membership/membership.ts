import type { MembershipColumnInput, MembershipField, MembershipImportReportFieldsFragment } from '../../gql/graphql';

type MembershipProblem = MembershipImportReportFieldsFragment['problems'][number];

/** The fields a file's columns may hold, in the order the mapping step shows them: the required ones first. */
export const MEMBERSHIP_FIELDS: readonly MembershipField[] = [
  'MEMBERSHIP_NUMBER',
  'LAST_NAME',
  'FIRST_NAME',
  'SECTION',
  'TITLE',
  'EMAIL',
  'MOBILE',
  'ADDRESS',
  'POSTAL_CODE',
  'COMMUNE',
  'FUNCTION',
  'MEMBERSHIP_DATE',
  'DUES_PAID',
  'EMAIL_CONSENT',
  'SMS_CONSENT',
];

/** Every file needs these (the API answers MISSING_FIELD otherwise). */
export const REQUIRED_FIELDS: readonly MembershipField[] = ['MEMBERSHIP_NUMBER', 'LAST_NAME', 'FIRST_NAME', 'SECTION'];

export function isMembershipField(value: string): value is MembershipField {
  return (MEMBERSHIP_FIELDS as readonly string[]).includes(value);
}

/** What POST /membership/uploads answers: the file as read, three rows and the suggested mapping. */
export interface MembershipUpload {
  uploadId: string;
  fileName: string;
  /** UTF-8, Windows-1252 or XLSX. */
  encoding: string;
  /** ';' or ',' for a CSV file, null for a spreadsheet. */
  separator: string | null;
  header: string[];
  sample: string[][];
  mapping: { field: string; column: string }[];
  /** The suggestion is the mapping saved by the scope's last apply. */
  mappingSaved: boolean;
}

/** The POST /membership/uploads URL: the file's name, and the federation (none for the whole party). */
export function uploadUrl(fileName: string, scopeId: string | null): string {
  const query = new URLSearchParams({ fileName });
  if (scopeId) query.set('scopeId', scopeId);
  return `/membership/uploads?${query.toString()}`;
}

/** The column each field is read from ('' for none). */
export type MappingDraft = Record<MembershipField, string>;

/** The suggestion of an upload as a draft: its columns that the header has, none for the other fields. */
export function draftOf(upload: Pick<MembershipUpload, 'header' | 'mapping'>): MappingDraft {
  const draft = Object.fromEntries(MEMBERSHIP_FIELDS.map((f) => [f, ''])) as MappingDraft;
  for (const { field, column } of upload.mapping) {
    if (isMembershipField(field) && upload.header.includes(column)) draft[field] = column;
  }
  return draft;
}

/** The required fields no column is chosen for yet. */
export function missingFields(draft: MappingDraft): MembershipField[] {
  return REQUIRED_FIELDS.filter((f) => !draft[f]);
}

/** The mapping as the API takes it: the fields read from a column, in the order above. */
export function mappingInput(draft: MappingDraft): MembershipColumnInput[] {
  return MEMBERSHIP_FIELDS.flatMap((field) => (draft[field] ? [{ field, column: draft[field] }] : []));
}

/** A column as a spreadsheet names it: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A problem about the file as a whole (or its header): skipping lines cannot get round it. */
export function isFileProblem(problem: MembershipProblem): boolean {
  return problem.line == null || problem.line === 1;
}

/**
 * The lines an apply skipping invalid rows leaves out: those of the listed problems, in order. Complete when the report
 * lists all its problems (it keeps the first 500).
 */
export function problemLines(report: Pick<MembershipImportReportFieldsFragment, 'problems'>): number[] {
  const lines = new Set(report.problems.flatMap((p) => (p.line != null && p.line > 1 ? [p.line] : [])));
  return [...lines].sort((a, b) => a - b);
}

/** Lines as a short list: "4, 7, 12" (the first ones, then "…"). */
export function linesText(lines: readonly number[], max = 20): string {
  return lines.length > max ? `${lines.slice(0, max).join(', ')}…` : lines.join(', ');
}

interface ScopeGrant {
  level: string;
  permissions: readonly string[];
  federation: { id: string; code: string; name: string } | null;
}

/**
 * Where the viewer may import a membership file: the whole party when they manage its people nationally, and each
 * federation whose people they manage at federation level (by code).
 */
export function importScopes(grants: readonly (ScopeGrant | null)[]): { national: boolean; federations: { id: string; code: string; name: string }[] } {
  const managing = grants.flatMap((g) => (g && g.permissions.includes('MANAGE_PEOPLE') ? [g] : []));
  const federations = new Map<string, { id: string; code: string; name: string }>();
  for (const g of managing) if (g.level === 'FEDERATION' && g.federation) federations.set(g.federation.code, g.federation);
  return {
    national: managing.some((g) => g.level === 'NATIONAL'),
    federations: [...federations.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
}
