import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { BREST, peoplePage, person, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const RUN = 'Sm9iUnVuOjE=';

function run(status: string, extra: Record<string, unknown> = {}) {
  return { __typename: 'JobRun', id: RUN, status, done: 0, total: null, stopCode: null, stopReason: null, resultUrl: null, ...extra };
}

/** The API: exportPeople queues a run; each poll answers the next state in `states`. */
function api(states: GraphQLAnswer['data'][], start?: () => GraphQLAnswer) {
  let polls = 0;
  const mock = mockApi({
    graphql: {
      Viewer: viewerAnswer,
      SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      ExportPeople: start ?? (() => ({ data: { exportPeople: { run: run('QUEUED'), errors: [] } } })),
      JobRun: () => ({ data: { node: states[Math.min(polls++, states.length - 1)] } }),
    },
  });
  // The file itself: GET resultUrl with the bearer token.
  const graphqlFetch = mock.fetchMock.getMockImplementation()!;
  mock.fetchMock.mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input.toString();
    if (url.startsWith('/exports/')) {
      mock.calls.push({ url, method: 'GET', headers: new Headers(init?.headers), body: undefined });
      return new Response('kind;first_name\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': `attachment; filename=coopol-people-20240601-1200.csv; filename*=UTF-8''coopol-people-20240601-1200.csv` },
      });
    }
    return graphqlFetch(input, init);
  });
  return mock;
}

function catchDownloads() {
  const saved: { name: string; href: string }[] = [];
  // jsdom implements neither.
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  return saved;
}

describe('exporting the people of a section', () => {
  it('starts an export with the list’s filters, shows its progress, then downloads the file with the token', async () => {
    signInAs('tok');
    const saved = catchDownloads();
    const mock = api([
      run('RUNNING', { done: 500, total: 1200 }),
      run('SUCCEEDED', { done: 1200, total: 1200, resultUrl: `/exports/abc` }),
    ]);
    renderApp(`/sections/${BREST.id}?kind=SUPPORTER&tag=tractage`);
    await userEvent.click(await screen.findByTestId('people-export'));
    await waitFor(() => expect(mock.variablesOf('ExportPeople')).toEqual([{ input: { scopeId: BREST.id, kind: 'SUPPORTER', tag: 'tractage' } }]));

    const status = screen.getByTestId('people-export-status');
    await waitFor(() => expect(status).toHaveTextContent('Exporting… 500 of 1200 people'));
    expect(screen.getByTestId('people-export')).toBeDisabled();
    await waitFor(() => expect(status).toHaveTextContent('Export done: 1200 people in coopol-people-20240601-1200.csv.'), { timeout: 3000 });
    expect(mock.variablesOf('JobRun')[0]).toEqual({ id: RUN });
    const download = mock.calls.find((c) => c.url === '/exports/abc');
    expect(download?.headers.get('Authorization')).toBe('Bearer tok');
    expect(saved).toEqual([{ name: 'coopol-people-20240601-1200.csv', href: 'blob:csv' }]);
  });

  it('tells why an export stopped, translated by its code', async () => {
    signInAs();
    catchDownloads();
    api([run('STOPPED', { stopCode: 'RIGHT_REVOKED', stopReason: 'The person who started this job no longer holds VIEW_PEOPLE.' })]);
    renderApp(`/sections/${BREST.id}`);
    await userEvent.click(await screen.findByTestId('people-export'));
    const error = await screen.findByTestId('people-export-error');
    expect(error).toHaveAttribute('data-code', 'RIGHT_REVOKED');
    expect(error).toHaveTextContent('The export failed. The rights this needed were revoked in the meantime.');
    expect(screen.getByTestId('people-export')).toBeEnabled();
  });

  it('shows a refused start', async () => {
    signInAs();
    api([], () => ({ data: { exportPeople: { run: null, errors: [{ __typename: 'DomainError', code: 'FORBIDDEN', message: 'no' }] } } }));
    renderApp(`/sections/${BREST.id}`);
    await userEvent.click(await screen.findByTestId('people-export'));
    expect(await screen.findByTestId('people-export-error')).toHaveTextContent('You are not allowed to see or do this.');
  });
});
