import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MembershipImportReportFieldsFragment as MembershipImportReport } from '../../gql/graphql';
import i18n from '../../i18n';
import { mockApi, signInAs, type RecordedCall } from '../../test/api';
import { nationalGrant, secretaryGrant, SECRETARY_PERMISSIONS, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { canImportMembers, type Viewer } from '../viewer/permissions';
import { columnLetter, draftOf, importScopes, mappingInput, missingFields, problemLines, uploadUrl, type MembershipUpload } from './membership';

const FINISTERE = { id: 'RmVkZXJhdGlvbjoyOQ==', code: '29', name: 'Finistère' };
const federationGrant = {
  id: 'Um9sZUdyYW50OjM=',
  role: 'FEDERATION_SECRETARY',
  level: 'FEDERATION',
  permissions: SECRETARY_PERMISSIONS,
  section: null,
  federation: { code: FINISTERE.code, name: FINISTERE.name },
};
const UPLOAD_ID = 'TWVtYmVyc2hpcFVwbG9hZDox';
const DRY_RUN_RUN = 'Sm9iUnVuOjE=';
const APPLY_RUN = 'Sm9iUnVuOjI=';
const DRY_RUN_ID = 'TWVtYmVyc2hpcEltcG9ydDox';

const UPLOAD: MembershipUpload = {
  uploadId: UPLOAD_ID,
  fileName: 'adherents-29.csv',
  encoding: 'Windows-1252',
  separator: ';',
  header: ['N° adhérent', 'Civilité', 'Nom', 'Prénom', 'Courriel', 'Section', 'Portable'],
  sample: [
    ['290001', 'Mme', 'Le Gall', 'Anne', 'anne@example.org', 'Brest Centre', '0612345678'],
    ['290002', 'M.', 'Kerjean', 'Yann', '', 'Brest Centre', ''],
    ['290003', 'Mme', 'Tanguy', 'Maïwenn', 'maiwenn@example.org', 'Quimper', '0698765432'],
  ],
  // The section is not recognized: the operator has to choose it.
  mapping: [
    { field: 'MEMBERSHIP_NUMBER', column: 'N° adhérent' },
    { field: 'TITLE', column: 'Civilité' },
    { field: 'LAST_NAME', column: 'Nom' },
    { field: 'FIRST_NAME', column: 'Prénom' },
    { field: 'EMAIL', column: 'Courriel' },
    { field: 'MOBILE', column: 'Portable' },
  ],
  mappingSaved: false,
};

const COUNTS = {
  newMembers: 2,
  becomeMembers: 1,
  updated: 3,
  moveSection: 1,
  unchanged: 40,
  becomeFormerMembers: 4,
  rolesGranted: 1,
  rolesWithdrawn: 0,
  rolesNotGranted: 1,
  consentsRecorded: 5,
  skippedRows: 0,
};

function report(partial: Partial<MembershipImportReport>): MembershipImportReport {
  return {
    id: DRY_RUN_ID,
    fileName: UPLOAD.fileName,
    fileBytes: 20480,
    dryRun: true,
    skipInvalidRows: false,
    status: 'DRY_RUN',
    rows: 53,
    problemCount: 0,
    startedAt: '2026-11-30T09:00:00Z',
    finishedAt: '2026-11-30T09:00:02Z',
    scope: '29',
    encoding: 'Windows-1252',
    dryRunId: null,
    uploadId: UPLOAD_ID,
    counts: COUNTS,
    problems: [],
    changes: [
      { kind: 'NEW_MEMBER', line: 2, name: 'Anne Le Gall', detail: 'Brest Centre', personId: null },
      { kind: 'NEW_MEMBER', line: 4, name: 'Maïwenn Tanguy', detail: 'Quimper', personId: null },
      { kind: 'MOVES_SECTION', line: 3, name: 'Yann Kerjean', detail: 'Brest Centre → Quimper', personId: 'UGVyc29uOjk=' },
    ],
    mapping: [],
    ...partial,
  };
}

const PROBLEMS = [
  { line: 12, column: 5, code: 'INVALID_EMAIL', message: '"anne@" is not an email address.' },
  { line: 30, column: 6, code: 'UNKNOWN_SECTION', message: 'There is no section "Brest Nord" here.' },
  { line: 12, column: 7, code: 'NOT_A_MOBILE', message: '"12" is not a mobile number.' },
];

function json(body: unknown, status: number, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

interface Options {
  grants?: unknown[];
  scopes?: unknown[];
  upload?: () => Response;
  dryRun?: MembershipImportReport;
  applied?: { stopCode: string | null; report: MembershipImportReport };
  history?: (variables: Record<string, unknown>) => unknown;
}

/** The API of the wizard: the viewer, the upload, the runs (one poll RUNNING, then ended) and their reports. */
function membershipApi(options: Options = {}) {
  const polls: Record<string, number> = {};
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants: options.grants ?? [federationGrant] }),
      MembershipScopes: () => ({
        data: {
          me: {
            grants: {
              items: options.scopes ?? [{ id: federationGrant.id, level: 'FEDERATION', permissions: SECRETARY_PERMISSIONS, federation: FINISTERE }],
            },
          },
        },
      }),
      MembershipImports: (v) => ({
        data: {
          membershipImports: (options.history?.(v) as object | undefined) ?? { pageInfo: { hasNextPage: false, endCursor: null }, items: [] },
        },
      }),
      StartMembershipImport: (v) => {
        const input = v.input as { dryRun: boolean };
        return {
          data: {
            startMembershipImport: {
              run: { id: input.dryRun ? DRY_RUN_RUN : APPLY_RUN, status: 'QUEUED', done: 0, total: null },
              errors: [],
            },
          },
        };
      },
      ImportRun: (v) => {
        const id = v.id as string;
        polls[id] = (polls[id] ?? 0) + 1;
        const running = id === DRY_RUN_RUN && polls[id] < 2;
        const stopCode = id === APPLY_RUN ? (options.applied?.stopCode ?? null) : null;
        return {
          data: {
            node: {
              __typename: 'JobRun',
              id,
              status: running ? 'RUNNING' : stopCode ? 'STOPPED' : 'SUCCEEDED',
              done: running ? 8 : 20,
              total: 20,
              summary: null,
              stopCode,
              stopReason: stopCode ? 'refused' : null,
            },
          },
        };
      },
      MembershipImportOfRun: (v) => ({
        data: {
          membershipImportOfRun:
            v.runId === DRY_RUN_RUN ? (options.dryRun ?? report({})) : (options.applied?.report ?? report({ id: 'TWVtYmVyc2hpcEltcG9ydDoy', dryRun: false, status: 'APPLIED' })),
        },
      }),
    },
    http: (call: RecordedCall) =>
      call.url.startsWith('/membership/uploads') && call.method === 'POST' ? (options.upload?.() ?? json(UPLOAD, 201)) : undefined,
  });
}

async function uploadFile(fileName = UPLOAD.fileName) {
  const file = new File(['N° adhérent;Nom\n290001;Le Gall\n'], fileName, { type: 'text/csv' });
  await userEvent.upload(await screen.findByLabelText('Membership file'), file);
  await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
  return file;
}

/** Upload, choose the section's column, run the dry run and wait for its report. */
async function dryRunToReport() {
  await uploadFile();
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Section' }), 'Section');
  await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
  await waitFor(() => expect(screen.getByTestId('membership-status')).toHaveAttribute('data-status', 'DRY_RUN'), { timeout: 4000 });
  return screen.getByTestId('membership-report');
}

const MAPPING_SENT = [
  { field: 'MEMBERSHIP_NUMBER', column: 'N° adhérent' },
  { field: 'LAST_NAME', column: 'Nom' },
  { field: 'FIRST_NAME', column: 'Prénom' },
  { field: 'SECTION', column: 'Section' },
  { field: 'TITLE', column: 'Civilité' },
  { field: 'EMAIL', column: 'Courriel' },
  { field: 'MOBILE', column: 'Portable' },
];

describe('membership file helpers', () => {
  it('names columns as a spreadsheet does', () => {
    expect([1, 5, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('prefills the suggestion, keeps the required fields to choose, and sends the mapping in order', () => {
    const draft = draftOf({ ...UPLOAD, mapping: [...UPLOAD.mapping, { field: 'SECTION', column: 'Not in the header' }, { field: 'UNKNOWN', column: 'Nom' }] });
    expect(draft.MEMBERSHIP_NUMBER).toBe('N° adhérent');
    expect(draft.SECTION).toBe('');
    expect(missingFields(draft)).toEqual(['SECTION']);
    expect(mappingInput({ ...draft, SECTION: 'Section' })).toEqual(MAPPING_SENT);
  });

  it('lists the lines an apply skips: each once, in order, never the header', () => {
    expect(problemLines({ problems: [...PROBLEMS, { line: 1, column: null, code: 'X', message: '' }, { line: null, column: null, code: 'Y', message: '' }] })).toEqual([12, 30]);
  });

  it('writes the upload URL with the scope, none for the whole party', () => {
    expect(uploadUrl('adhérents 29.csv', FINISTERE.id)).toBe('/membership/uploads?fileName=adh%C3%A9rents+29.csv&scopeId=RmVkZXJhdGlvbjoyOQ%3D%3D');
    expect(uploadUrl('a.xlsx', null)).toBe('/membership/uploads?fileName=a.xlsx');
  });

  it('offers federations managed at federation level, and the whole party to the national team', () => {
    const grant = (level: string, permissions: string[], federation: typeof FINISTERE | null = null) => ({ level, permissions, federation });
    expect(
      importScopes([
        grant('FEDERATION', ['MANAGE_PEOPLE'], { id: 'f56', code: '56', name: 'Morbihan' }),
        grant('FEDERATION', ['MANAGE_PEOPLE'], FINISTERE),
        grant('FEDERATION', ['VIEW_PEOPLE'], { id: 'f22', code: '22', name: "Côtes-d'Armor" }),
        grant('SECTION', ['MANAGE_PEOPLE'], FINISTERE),
        null,
      ]),
    ).toEqual({ national: false, federations: [FINISTERE, { id: 'f56', code: '56', name: 'Morbihan' }] });
    expect(importScopes([grant('NATIONAL', ['MANAGE_PEOPLE'])])).toEqual({ national: true, federations: [] });
    const viewer = (grants: unknown[]) => ({ email: null, person: null, grants }) as unknown as Viewer;
    expect(canImportMembers(viewer([federationGrant]))).toBe(true);
    expect(canImportMembers(viewer([nationalGrant]))).toBe(true);
    expect(canImportMembers(viewer([secretaryGrant]))).toBe(false);
  });
});

describe('membership import page', () => {
  it('uploads the file for the federation, prefills the suggested mapping and waits for the required fields', async () => {
    signInAs('the-token');
    const api = membershipApi();
    renderApp('/members/import');
    expect(await screen.findByTestId('nav-membership-import')).toHaveTextContent('Import members');
    expect(await screen.findByRole('combobox', { name: 'Scope' })).toHaveDisplayValue('Finistère (29)');
    const file = await uploadFile();

    const post = api.calls.find((c) => c.url.startsWith('/membership/uploads'))!;
    expect(post.method).toBe('POST');
    expect(post.headers.get('Authorization')).toBe('Bearer the-token');
    expect(post.body).toBe(file);
    const url = new URL(post.url, 'http://localhost');
    expect(url.searchParams.get('fileName')).toBe('adherents-29.csv');
    expect(url.searchParams.get('scopeId')).toBe(FINISTERE.id);

    const mapping = await screen.findByTestId('membership-mapping');
    expect(within(mapping).getByTestId('membership-read')).toHaveTextContent('adherents-29.csv: read as Windows-1252, columns separated by semicolons (;).');
    expect(within(mapping).getByTestId('membership-mapping-origin')).toHaveAttribute('data-saved', 'false');
    const sample = within(mapping).getByRole('region', { name: 'First rows of the file' });
    expect(within(sample).getAllByRole('row')).toHaveLength(4);
    expect(within(sample).getAllByRole('columnheader')[4]).toHaveTextContent('E Courriel');

    // the suggestion, field by field
    expect(screen.getByRole('combobox', { name: 'Membership number' })).toHaveValue('N° adhérent');
    expect(screen.getByRole('combobox', { name: 'Last name' })).toHaveValue('Nom');
    expect(screen.getByRole('combobox', { name: 'Email' })).toHaveValue('Courriel');
    expect(screen.getByRole('combobox', { name: 'Commune' })).toHaveValue('');
    const section = screen.getByRole('combobox', { name: 'Section' });
    expect(section).toHaveValue('');
    expect(section).toHaveAttribute('aria-required', 'true');
    expect(within(section).getByRole('option', { name: '— not in the file —' })).toBeInTheDocument();

    // the dry run waits for every required field
    const dryRun = screen.getByRole('button', { name: 'Dry run' });
    expect(dryRun).toBeDisabled();
    expect(screen.getByTestId('membership-missing')).toHaveTextContent('Still to choose: Section.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'First name' }), '');
    expect(screen.getByTestId('membership-missing')).toHaveTextContent('Still to choose: First name, Section.');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'First name' }), 'Prénom');
    await userEvent.selectOptions(section, 'Section');
    expect(screen.queryByTestId('membership-missing')).toBeNull();
    // optional fields may stay out
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mobile phone' }), '');
    expect(dryRun).toBeEnabled();
    expect(api.variablesOf('StartMembershipImport')).toEqual([]);
  });

  it('runs the dry run and shows its report: counts, problems at their line and column letter, changes by kind', async () => {
    signInAs();
    const api = membershipApi({ dryRun: report({ problemCount: 3, problems: PROBLEMS }) });
    renderApp('/members/import');
    await uploadFile();
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Section' }), 'Section');
    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    // followed while it runs
    await waitFor(() => expect(screen.getByTestId('membership-dry-run-progress')).toHaveTextContent('Reading the file… 8 of 20 KB'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('membership-status')).toHaveAttribute('data-status', 'DRY_RUN'), { timeout: 4000 });

    expect(api.variablesOf('StartMembershipImport')).toEqual([{ input: { uploadId: UPLOAD_ID, scopeId: FINISTERE.id, mapping: MAPPING_SENT, dryRun: true } }]);
    expect(api.variablesOf('MembershipImportOfRun')).toEqual([{ runId: DRY_RUN_RUN }]);

    const shown = screen.getByTestId('membership-report');
    expect(screen.getByTestId('membership-status')).toHaveTextContent('Dry run: nothing changed');
    expect(within(shown).getByTestId('membership-count-rows')).toHaveTextContent('Rows53');
    expect(within(shown).getByTestId('membership-count-newMembers')).toHaveTextContent('New members2');
    expect(within(shown).getByTestId('membership-count-becomeFormerMembers')).toHaveTextContent('Becoming former members4');
    expect(within(shown).getByTestId('membership-count-consentsRecorded')).toHaveTextContent('Consents recorded5');
    expect(within(shown).queryByTestId('membership-count-skippedRows')).toBeNull();

    expect(within(shown).getByTestId('membership-problems')).toHaveTextContent('3 problems');
    const problems = within(shown).getAllByTestId('membership-problem');
    expect(problems).toHaveLength(3);
    expect(problems[0]).toHaveAttribute('data-line', '12');
    expect(problems[0]).toHaveAttribute('data-column', '5');
    expect(problems[0]).toHaveTextContent('Line 12, column E');
    expect(problems[0]).toHaveTextContent('Invalid email');
    expect(problems[0]).toHaveTextContent('"anne@" is not an email address.');
    expect(problems[1]).toHaveTextContent('Line 30, column F');
    expect(problems[1]).toHaveTextContent('Unknown section');

    const newMembers = within(shown).getByTestId('membership-changes-NEW_MEMBER');
    expect(newMembers.tagName).toBe('DETAILS');
    expect(newMembers).not.toHaveAttribute('open');
    expect(within(newMembers).getByText(/New members \(2\)/)).toBeInTheDocument();
    expect(within(newMembers).getAllByTestId('membership-change')[0]).toHaveTextContent('Anne Le GallBrest Centreline 2');
    expect(within(shown).getByTestId('membership-changes-MOVES_SECTION')).toHaveTextContent('Brest Centre → Quimper');
    // roles withdrawn: none, no group
    expect(within(shown).queryByTestId('membership-changes-ROLE_WITHDRAWN')).toBeNull();

    // problems remain: nothing is applied as is
    expect(screen.getByTestId('membership-blocked')).toHaveTextContent('The dry run found 3 problems: nothing will be applied while problems remain.');
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Upload a corrected file' })).toBeEnabled();
    // the history is read again
    await waitFor(() => expect(api.variablesOf('MembershipImports').length).toBeGreaterThanOrEqual(2));
  }, 15000);

  it('applies skipping exactly the lines with problems: sends skipInvalidRows and the dry run’s id', async () => {
    signInAs();
    const api = membershipApi({
      dryRun: report({ problemCount: 3, problems: PROBLEMS }),
      applied: {
        stopCode: null,
        report: report({ id: 'TWVtYmVyc2hpcEltcG9ydDoy', dryRun: false, status: 'APPLIED', skipInvalidRows: true, counts: { ...COUNTS, skippedRows: 2 }, problemCount: 3, problems: PROBLEMS }),
      },
    });
    renderApp('/members/import');
    await dryRunToReport();

    const skip = screen.getByRole('checkbox', { name: 'Apply skipping these lines' });
    expect(skip).not.toBeChecked();
    expect(screen.getByTestId('membership-skip-lines')).toHaveTextContent('Exactly these 2 lines are skipped: 12, 30.');
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    await userEvent.click(skip);
    expect(apply).toBeEnabled();
    await userEvent.click(apply);

    await waitFor(() => expect(screen.getByTestId('membership-status')).toHaveAttribute('data-status', 'APPLIED'), { timeout: 4000 });
    const starts = api.variablesOf('StartMembershipImport');
    expect(starts).toHaveLength(2);
    expect(starts[1]).toEqual({
      input: { uploadId: UPLOAD_ID, scopeId: FINISTERE.id, mapping: MAPPING_SENT, dryRun: false, dryRunId: DRY_RUN_ID, skipInvalidRows: true },
    });
    expect(api.variablesOf('MembershipImportOfRun')).toEqual([{ runId: DRY_RUN_RUN }, { runId: APPLY_RUN }]);
    // one report on the page: the apply's
    expect(screen.getAllByTestId('membership-report')).toHaveLength(1);
    expect(screen.getByTestId('membership-status')).toHaveTextContent('Applied');
    expect(screen.getByTestId('membership-count-skippedRows')).toHaveTextContent('Lines skipped2');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(await screen.findByLabelText('Membership file')).toHaveValue('');
  }, 15000);

  it('applies a dry run without problems as is, and shows a refusal with its first problem', async () => {
    signInAs();
    const api = membershipApi({
      applied: {
        stopCode: 'REPORT_OUTDATED',
        report: report({
          id: 'TWVtYmVyc2hpcEltcG9ydDoy',
          dryRun: false,
          status: 'REFUSED',
          problemCount: 0,
          problems: [{ line: null, column: null, code: 'REPORT_OUTDATED', message: 'The lines with problems are no longer those the dry run listed.' }],
        }),
      },
    });
    renderApp('/members/import');
    await dryRunToReport();
    expect(screen.getByTestId('membership-apply-ready')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Apply skipping these lines' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByTestId('membership-status')).toHaveAttribute('data-status', 'REFUSED'), { timeout: 4000 });
    expect(api.variablesOf('StartMembershipImport')[1]).toEqual({
      input: { uploadId: UPLOAD_ID, scopeId: FINISTERE.id, mapping: MAPPING_SENT, dryRun: false, dryRunId: DRY_RUN_ID, skipInvalidRows: false },
    });
    expect(screen.getByTestId('membership-status')).toHaveTextContent('Refused: nothing was applied');
    const refusal = screen.getByTestId('membership-refusal');
    expect(refusal).toHaveAttribute('data-code', 'REPORT_OUTDATED');
    expect(refusal).toHaveTextContent('The lines with problems are no longer those the dry run listed.');
    expect(screen.getByTestId('membership-problems')).toHaveTextContent('0 problems');
    // back to the columns, for another dry run
    await userEvent.click(screen.getByRole('button', { name: 'Change the columns' }));
    expect(await screen.findByRole('button', { name: 'Dry run' })).toBeEnabled();
  }, 15000);

  it('shows why an upload was refused, with the server’s words', async () => {
    signInAs();
    const problem = (code: string, detail: string) => () =>
      json({ type: 'about:blank', title: 'Bad Request', status: 400, detail, code }, 400, 'application/problem+json');
    let answer = problem('IMPORT_INVALID', 'line 1: the first row of the first sheet is not a header of several columns');
    mockApi({
      graphql: {
        Viewer: () => viewerAnswer({ grants: [federationGrant] }),
        MembershipScopes: () => ({ data: { me: { grants: { items: [{ id: 'g', level: 'FEDERATION', permissions: ['MANAGE_PEOPLE'], federation: FINISTERE }] } } } }),
        MembershipImports: () => ({ data: { membershipImports: { pageInfo: { hasNextPage: false, endCursor: null }, items: [] } } }),
      },
      http: (call) => (call.url.startsWith('/membership/uploads') ? answer() : undefined),
    });
    renderApp('/members/import');
    // no file: nothing leaves
    await userEvent.click(await screen.findByRole('button', { name: 'Upload' }));
    expect(screen.getByTestId('membership-upload-missing')).toHaveTextContent('Choose the file first.');

    await uploadFile('adherents.xlsx');
    const error = await screen.findByTestId('membership-upload-error');
    expect(error).toHaveAttribute('data-code', 'IMPORT_INVALID');
    expect(error).toHaveAttribute('role', 'alert');
    expect(error).toHaveTextContent('The file was not accepted.');
    expect(error).toHaveTextContent('line 1: the first row of the first sheet is not a header of several columns');
    expect(screen.queryByTestId('membership-mapping')).toBeNull();

    answer = problem('IMPORT_TOO_LARGE', 'The file is larger than 200 MB.');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByTestId('membership-upload-error')).toHaveAttribute('data-code', 'IMPORT_TOO_LARGE'));
    expect(screen.getByTestId('membership-upload-error')).toHaveTextContent('The file is too large to be sent from here');
    expect(screen.getByTestId('membership-upload-error')).toHaveTextContent('The file is larger than 200 MB.');
  });

  it('lets the national team import for the whole party, and lists its past imports ten at a time', async () => {
    signInAs();
    const item = (n: number, status: string) => ({
      __typename: 'MembershipImport',
      id: `TWVtYmVyc2hpcEltcG9ydDo${n}`,
      fileName: `adherents-${n}.csv`,
      fileBytes: 1000,
      dryRun: status === 'DRY_RUN',
      skipInvalidRows: false,
      status,
      rows: 100 + n,
      problemCount: n,
      startedAt: '2026-11-29T21:00:00Z',
      finishedAt: null,
    });
    const api = membershipApi({
      grants: [nationalGrant],
      scopes: [{ id: nationalGrant.id, level: 'NATIONAL', permissions: nationalGrant.permissions, federation: null }],
      history: (v) =>
        v.after
          ? { pageInfo: { hasNextPage: false, endCursor: null }, items: [item(11, 'REFUSED')] }
          : { pageInfo: { hasNextPage: true, endCursor: 'c10' }, items: Array.from({ length: 10 }, (_, i) => item(i + 1, i % 2 ? 'APPLIED' : 'DRY_RUN')) },
    });
    renderApp('/members/import');
    expect(await screen.findByRole('combobox', { name: 'Scope' })).toHaveDisplayValue('Whole party');
    const history = await screen.findByTestId('membership-history');
    await waitFor(() => expect(within(history).getAllByTestId('membership-history-item')).toHaveLength(10));
    expect(api.variablesOf('MembershipImports')[0]).toEqual({ scopeId: null, first: 10, after: null });
    const first = within(history).getAllByTestId('membership-history-item')[0]!;
    expect(first).toHaveTextContent('adherents-1.csv');
    expect(first).toHaveTextContent('Dry run');
    expect(within(history).getAllByTestId('membership-history-item')[1]).toHaveTextContent('Applied');
    await userEvent.click(within(history).getByRole('button', { name: 'More imports' }));
    await waitFor(() => expect(within(history).getAllByTestId('membership-history-item')).toHaveLength(11));
    expect(within(history).getAllByTestId('membership-history-item')[10]).toHaveTextContent('Refused');
    expect(api.variablesOf('MembershipImports')[1]).toEqual({ scopeId: null, first: 10, after: 'c10' });
    expect(within(history).queryByRole('button', { name: 'More imports' })).toBeNull();

    await uploadFile();
    const url = new URL(api.calls.find((c) => c.url.startsWith('/membership/uploads'))!.url, 'http://localhost');
    expect(url.searchParams.has('scopeId')).toBe(false);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Section' }), 'Section');
    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(api.variablesOf('StartMembershipImport')).toHaveLength(1));
    expect(api.variablesOf('StartMembershipImport')[0]).toMatchObject({ input: { scopeId: null, dryRun: true } });
  });

  it('speaks French: the same controls under their French names', async () => {
    await i18n.changeLanguage('fr');
    signInAs();
    membershipApi({ dryRun: report({ problemCount: 3, problems: PROBLEMS }) });
    renderApp('/members/import');
    expect(await screen.findByTestId('nav-membership-import')).toHaveTextContent('Importer les adhérents');
    await userEvent.upload(await screen.findByLabelText('Fichier des adhérents'), new File(['x'], 'a.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Envoyer' }));
    expect(await screen.findByRole('combobox', { name: 'Numéro d’adhérent' })).toHaveValue('N° adhérent');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Section' }), 'Section');
    await userEvent.click(screen.getByRole('button', { name: 'Simulation' }));
    await waitFor(() => expect(screen.getByTestId('membership-status')).toHaveTextContent('Simulation : rien n’a changé'), { timeout: 4000 });
    expect(screen.getAllByTestId('membership-problem')[0]).toHaveTextContent('Ligne 12, colonne E');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Appliquer en sautant ces lignes' }));
    expect(screen.getByRole('button', { name: 'Appliquer' })).toBeEnabled();
  }, 15000);

  it('is offered to those who manage the people of a federation or of the party only', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: () => viewerAnswer({ grants: [secretaryGrant] }) } });
    renderApp('/members/import');
    expect(await screen.findByTestId('membership-forbidden')).toBeInTheDocument();
    expect(screen.queryByLabelText('Membership file')).toBeNull();
    expect(screen.getByTestId('nav-home')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-membership-import')).toBeNull();
    await waitFor(() => expect(document.title).toBe('Import members · Coopol'));
  });
});
