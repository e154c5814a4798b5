import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type RecordedCall } from '../../test/api';
import { nationalGrant, secretaryGrant, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { guessMapping, mappingJson, readHeader } from './mapping';
import { whereOf } from './importRun';

/** The header of the City of Brest's files (a first column without a name). */
const BREST_HEADER =
  ';Numéro;Bureau;Canton;Circo;Scrutin;Inscrits;Votants;Blancs;Nuls;Exprimés;Participation;M. CADALEN Pierre-Yves - votes;M. CADALEN Pierre-Yves - pourcentage;M. LARSONNEUR Jean-Charles - votes;M. LARSONNEUR Jean-Charles - pourcentage';
const BREST_FILE = `${BREST_HEADER}\n0;104;CENTRE TECHNIQUE MUNICIPAL;4;02;Élections Législatives 2nd tour;805;382;22;0;360;47,45 %;186;51,67 %;174;48,33 %\n`;

const RESULTS_OPTIONS = [
  { name: 'date', description: 'date of the round, yyyy-mm-dd' },
  { name: 'election', description: 'kind of election' },
  { name: 'name', description: 'a name to show' },
  { name: 'round', description: '1 or 2' },
  { name: 'scope', description: 'FR (default)' },
];
const KINDS = {
  data: {
    importKinds: [
      { kind: 'blocs', description: 'Nuance codes grouped into political blocs', options: [{ name: 'name', description: "the scheme's name" }] },
      {
        kind: 'results-mapped',
        description: 'Results by polling station in another layout',
        options: [
          ...RESULTS_OPTIONS,
          { name: 'mapping', description: 'a JSON file mapping the columns' },
          { name: 'mapping-json', description: 'the mapping itself, as JSON' },
          { name: 'mapping-name', description: 'the name of a saved mapping' },
          { name: 'save-mapping', description: 'save the mapping given under this name' },
        ],
      },
    ],
  },
};

const REPORT = {
  id: 'SW1wb3J0UmVwb3J0OjE=',
  kind: 'results-mapped',
  fileName: 'brest.csv',
  fileBytes: 20738,
  dryRun: true,
  status: 'SUCCEEDED',
  summary: 'Dry run, nothing changed. Législatives 2022 – 2d tour: 1 polling station (0 new), 2 candidates in 1 constituencies.',
  counts: '{"stations":1}',
  warningCount: 0,
  warnings: [],
  problem: null,
  startedAt: '2026-11-29T21:00:00Z',
  finishedAt: '2026-11-29T21:00:01Z',
};

function importsApi(run: 'SUCCEEDED' | 'STOPPED' = 'SUCCEEDED') {
  let polls = 0;
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants: [nationalGrant] }),
      ImportKinds: () => KINDS,
      ImportReports: () => ({ data: { importReports: { pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, items: polls > 1 ? [REPORT] : [] } } }),
      ImportRun: (v) => {
        polls++;
        const running = polls < 2;
        return {
          data: {
            node: {
              __typename: 'JobRun',
              id: v.id,
              status: running ? 'RUNNING' : run,
              done: running ? 5 : 21,
              total: 21,
              summary: running ? null : 'Dry run, nothing changed.',
              stopCode: run === 'STOPPED' && !running ? 'IMPORT_INVALID' : null,
              stopReason: run === 'STOPPED' && !running ? 'line 3, column 7: "abc" is not a whole number' : null,
            },
          },
        };
      },
      ImportReportOfRun: () => ({
        data: { importReportOfRun: run === 'STOPPED' ? { ...REPORT, status: 'REJECTED', summary: null, problem: 'line 3, column 7: "abc" is not a whole number' } : REPORT },
      }),
    },
    http: (call: RecordedCall) =>
      call.url.startsWith('/imports/') && call.method === 'POST'
        ? new Response(JSON.stringify({ runId: 'Sm9iUnVuOjE=' }), { status: 202, headers: { 'Content-Type': 'application/json' } })
        : undefined,
  });
}

describe('column mapping', () => {
  it('reads the first line of a file: its separator, its quoted names, without a byte order mark', () => {
    expect(readHeader(`\uFEFF"Code département";"Libellé; commune";Inscrits\r\n29;Brest;1`)).toEqual({
      delimiter: ';',
      columns: ['Code département', 'Libellé; commune', 'Inscrits'],
    });
    expect(readHeader('code_commune,bureau,inscrits,"votants, total"\n')).toEqual({
      delimiter: ',',
      columns: ['code_commune', 'bureau', 'inscrits', 'votants, total'],
    });
    expect(readHeader('')).toEqual({ delimiter: ';', columns: [] });
  });

  it('guesses the columns of usual French headers, and writes the mapping the API reads', () => {
    const columns = readHeader(BREST_HEADER).columns.filter(Boolean);
    const draft = guessMapping(columns);
    expect(draft).toMatchObject({
      stationColumn: 'Numéro',
      communeFrom: 'code',
      constituencyColumn: 'Circo',
      registered: 'Inscrits',
      voters: 'Votants',
      abstentions: '',
      blank: 'Blancs',
      null: 'Nuls',
      expressed: 'Exprimés',
      candidateSuffix: ' - votes',
    });
    // the commune is still missing
    expect(mappingJson(draft, columns)).toBeNull();
    expect(JSON.parse(mappingJson({ ...draft, commune: '29019' }, columns)!)).toEqual({
      commune: '29019',
      stationColumn: 'Numéro',
      constituencyColumn: 'Circo',
      registered: 'Inscrits',
      voters: 'Votants',
      blank: 'Blancs',
      null: 'Nuls',
      expressed: 'Exprimés',
      candidateSuffix: ' - votes',
    });
  });

  it('tells the line and column of a refusal apart from the problem', () => {
    expect(whereOf('line 3, column 7: "abc" is not a whole number')).toEqual({ line: 3, column: 7, problem: '"abc" is not a whole number' });
    expect(whereOf('line 1: missing column "Inscrits"')).toEqual({ line: 1, column: null, problem: 'missing column "Inscrits"' });
    expect(whereOf('the file is empty')).toBeNull();
  });
});

describe('imports page', () => {
  it('sends a mapped results file with its election, the mapping as JSON and a dry run, then shows the outcome', async () => {
    signInAs('the-token');
    const api = importsApi();
    renderApp('/imports');
    await userEvent.selectOptions(await screen.findByTestId('import-kind'), 'results-mapped');
    expect(screen.getByTestId('import-kind-description')).toHaveTextContent("City of Brest's files");
    // the server's own file path is no option here
    expect(screen.queryByTestId('import-option-mapping')).toBeNull();

    const file = new File([BREST_FILE], 'legislatives-2022-t2-brest.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByTestId('import-file'), file);
    const editor = await screen.findByTestId('mapping-editor', {}, { timeout: 3000 });
    expect(within(editor).getByTestId('mapping-stationColumn')).toHaveValue('Numéro');
    expect(within(editor).getByTestId('mapping-candidates')).toHaveAttribute('data-count', '2');

    // nothing leaves before the election and the commune are said
    await userEvent.click(screen.getByTestId('import-submit'));
    expect(await screen.findByTestId('import-missing')).toBeInTheDocument();
    expect(api.calls.some((c) => c.url.startsWith('/imports/'))).toBe(false);

    await userEvent.selectOptions(screen.getByTestId('import-option-election'), 'legislatives');
    await userEvent.type(screen.getByTestId('import-option-date'), '2022-06-19');
    await userEvent.selectOptions(screen.getByTestId('import-option-round'), '2');
    await userEvent.type(within(editor).getByTestId('mapping-commune'), '29019');
    await userEvent.type(screen.getByTestId('import-option-save-mapping'), 'brest-ville');
    expect(screen.getByTestId('import-dry-run')).toBeChecked();
    await userEvent.click(screen.getByTestId('import-submit'));

    await waitFor(() => expect(api.calls.some((c) => c.url.startsWith('/imports/'))).toBe(true), { timeout: 3000 });
    const post = api.calls.find((c) => c.url.startsWith('/imports/'))!;
    expect(post.method).toBe('POST');
    expect(post.headers.get('Authorization')).toBe('Bearer the-token');
    expect(post.body).toBe(file);
    const url = new URL(post.url, 'http://localhost');
    expect(url.pathname).toBe('/imports/results-mapped');
    expect(url.searchParams.get('fileName')).toBe('legislatives-2022-t2-brest.csv');
    expect(url.searchParams.get('dryRun')).toBe('true');
    const options = JSON.parse(url.searchParams.get('options')!) as Record<string, string>;
    expect(Object.keys(options).sort()).toEqual(['date', 'election', 'mapping-json', 'round', 'save-mapping']);
    expect(options).toMatchObject({ election: 'legislatives', date: '2022-06-19', round: '2', 'save-mapping': 'brest-ville' });
    expect(JSON.parse(options['mapping-json']!)).toEqual({
      commune: '29019',
      stationColumn: 'Numéro',
      constituencyColumn: 'Circo',
      registered: 'Inscrits',
      voters: 'Votants',
      blank: 'Blancs',
      null: 'Nuls',
      expressed: 'Exprimés',
      candidateSuffix: ' - votes',
    });

    // followed every second until it ends, then its report
    await screen.findByTestId('import-status');
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveAttribute('data-phase', 'done'), { timeout: 4000 });
    expect(screen.getByTestId('import-summary')).toHaveTextContent('1 polling station (0 new)');
    expect(api.variablesOf('ImportRun')[0]).toEqual({ id: 'Sm9iUnVuOjE=' });
    expect(api.variablesOf('ImportReportOfRun')[0]).toEqual({ runId: 'Sm9iUnVuOjE=' });
    // and the list of past imports is read again
    await waitFor(() => expect(screen.getAllByTestId('import-report')).toHaveLength(1), { timeout: 3000 });
  });

  it('sends a saved mapping’s name instead of the columns', async () => {
    signInAs();
    const api = importsApi();
    renderApp('/imports');
    await userEvent.selectOptions(await screen.findByTestId('import-kind'), 'results-mapped');
    await userEvent.upload(screen.getByTestId('import-file'), new File([BREST_FILE], 'b.csv'));
    await screen.findByTestId('mapping-editor');
    await userEvent.type(screen.getByTestId('import-option-mapping-name'), 'brest-ville');
    expect(screen.queryByTestId('mapping-editor')).toBeNull();
    await userEvent.selectOptions(screen.getByTestId('import-option-election'), 'legislatives');
    await userEvent.type(screen.getByTestId('import-option-date'), '2022-06-19');
    await userEvent.selectOptions(screen.getByTestId('import-option-round'), '1');
    await userEvent.click(screen.getByTestId('import-dry-run'));
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(api.calls.some((c) => c.url.startsWith('/imports/'))).toBe(true));
    const url = new URL(api.calls.find((c) => c.url.startsWith('/imports/'))!.url, 'http://localhost');
    expect(url.searchParams.get('dryRun')).toBe('false');
    expect(JSON.parse(url.searchParams.get('options')!)).toEqual({ election: 'legislatives', date: '2022-06-19', round: '1', 'mapping-name': 'brest-ville' });
  });

  it('shows the line and column of a refused file', async () => {
    signInAs();
    importsApi('STOPPED');
    renderApp('/imports');
    await userEvent.selectOptions(await screen.findByTestId('import-kind'), 'blocs');
    await userEvent.upload(screen.getByTestId('import-file'), new File(['Code;Nuance\n'], 'blocs.csv'));
    await userEvent.click(screen.getByTestId('import-submit'));
    await waitFor(() => expect(screen.getByTestId('import-status')).toHaveAttribute('data-phase', 'failed'), { timeout: 4000 });
    expect(screen.getByTestId('import-status')).toHaveTextContent('The file was refused.');
    const problem = screen.getByTestId('import-problem');
    expect(problem).toHaveAttribute('data-line', '3');
    expect(problem).toHaveAttribute('data-column', '7');
    expect(problem).toHaveTextContent('Line 3, column 7: "abc" is not a whole number');
  });

  it('is offered to the national holders of ENTER_RESULTS only', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: () => viewerAnswer({ grants: [secretaryGrant] }) } });
    renderApp('/imports');
    expect(await screen.findByTestId('imports-forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('import-form')).toBeNull();
    expect(screen.getByTestId('nav-map')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-imports')).toBeNull();
    await waitFor(() => expect(document.title).toBe('Imports · Coopol'));
  });
});
