import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { ELECTIONS, MAP_LAYERS, nationalGrant, ROUND_1, ROUND_2, viewerAnswer } from '../../test/fixtures';
import { actAsPhone, renderApp } from '../../test/render';
import { csvUrl, PAGE_SIZE, readResultsParams } from './resultsParams';

type Level = 'NATION' | 'FEDERATION' | 'CONSTITUENCY' | 'COMMUNE' | 'STATION';

function zone(level: Level, code: string, name: string, turnout = 70) {
  return {
    level,
    code,
    name,
    stations: level === 'STATION' ? 1 : 10,
    registered: 800,
    voters: 560,
    expressed: 540,
    turnout,
    compareTurnout: turnout - 1.5,
    turnoutChange: 1.5,
    blocs: [
      { key: 'gauche', name: 'gauche', share: 46.49, votes: 250 },
      { key: 'centre', name: 'centre', share: 31.53, votes: 170 },
    ],
    compareBlocs: [
      { key: 'gauche', share: 42.12 },
      { key: 'centre', share: 30.77 },
    ],
  };
}

const ZONES: Record<Level, ReturnType<typeof zone>[]> = {
  NATION: [zone('NATION', 'FR', 'France')],
  FEDERATION: [zone('FEDERATION', '29', 'Finistère')],
  CONSTITUENCY: [zone('CONSTITUENCY', '29-02', '29-02'), zone('CONSTITUENCY', '29-03', '29-03')],
  COMMUNE: [zone('COMMUNE', '29019', 'Brest'), zone('COMMUNE', '29061', 'Gouesnou')],
  STATION: Array.from({ length: 30 }, (_, i) => zone('STATION', `29019_${i + 1}`, `Bureau n° ${i + 1}`, 60 + i / 2)),
};

function page(level: Level, after: unknown) {
  const rows = ZONES[level];
  const offset = typeof after === 'string' ? Number(after.replace('o:', '')) + 1 : 0;
  const items = rows.slice(offset, offset + PAGE_SIZE);
  return {
    totalCount: rows.length,
    pageInfo: {
      hasNextPage: offset + items.length < rows.length,
      hasPreviousPage: offset > 0,
      startCursor: items.length ? `o:${offset}` : null,
      endCursor: items.length ? `o:${offset + items.length - 1}` : null,
    },
    items,
  };
}

function resultsApi() {
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants: [nationalGrant] }),
      Elections: () => ELECTIONS,
      MapLayers: () => MAP_LAYERS,
      ResultsTable: (v) => ({
        data: {
          resultsTable: page(v.level as Level, v.after),
          ...(v.withFederation ? { federationZone: { items: [{ code: '29', name: 'Finistère' }] } } : {}),
          ...(v.withCommune ? { communeZone: { items: [{ code: '29019', name: 'Brest' }] } } : {}),
        },
      }),
    },
    http: (call) =>
      call.url.startsWith('/results.csv')
        ? new Response('Code;Nom\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="resultats-station.csv"' } })
        : undefined,
  });
}

const location = () => screen.getByTestId('location').textContent ?? '';
const query = () => Object.fromEntries(new URLSearchParams(location().split('?')[1] ?? ''));

describe('results review', () => {
  it('starts from the national total of the newest election, and sets its title', async () => {
    signInAs();
    const api = resultsApi();
    renderApp('/results');
    const rows = await screen.findAllByTestId('results-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('France');
    expect(rows[0]).toHaveTextContent('46.5%');
    expect(screen.getByTestId('results-table')).toHaveTextContent('Gauche');
    expect(api.variablesOf('ResultsTable')[0]).toMatchObject({
      electionId: ROUND_2.id,
      compareTo: null,
      level: 'NATION',
      within: null,
      orderBy: { field: 'NAME', bloc: null, descending: false },
      first: 25,
      after: null,
      withFederation: false,
      withCommune: false,
    });
    await waitFor(() => expect(document.title).toBe('Results review · Coopol'));
  });

  it('goes down a level with each row, keeps where in the URL, and goes back up with the breadcrumb', async () => {
    signInAs();
    const api = resultsApi();
    renderApp('/results');
    await userEvent.click(await screen.findByRole('button', { name: 'France: see its zones' }));
    await waitFor(() => expect(query()).toEqual({ level: 'FEDERATION' }));
    await userEvent.click(await screen.findByText('Finistère'));
    await waitFor(() => expect(query()).toEqual({ level: 'CONSTITUENCY', federation: '29' }));
    // a click anywhere on a row goes down too
    const circo = (await screen.findAllByTestId('results-row')).find((r) => r.dataset.code === '29-02')!;
    await userEvent.click(within(circo).getAllByRole('cell')[1]!);
    await waitFor(() => expect(query()).toEqual({ level: 'COMMUNE', federation: '29', constituency: '29-02' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Brest: see its zones' }));
    await waitFor(() => expect(query()).toEqual({ level: 'STATION', federation: '29', constituency: '29-02', commune: '29019' }));
    expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({
      level: 'STATION',
      within: { federation: '29', constituency: '29-02', commune: '29019' },
      withFederation: true,
      federation: '29',
      withCommune: true,
      commune: '29019',
    });

    const crumbs = screen.getByTestId('results-breadcrumb');
    await waitFor(() =>
      expect(within(crumbs).getAllByTestId('results-crumb').map((c) => c.textContent)).toEqual(['National total', 'All federations', 'Finistère', '29-02', 'Brest']),
    );
    expect(within(crumbs).getByText('Brest')).toHaveAttribute('aria-current', 'page');
    // a station is shown on the map, for this election
    const station = (await screen.findAllByTestId('results-map-link'))[0]!;
    expect(station).toHaveAttribute('href', `/map?election=${encodeURIComponent(ROUND_2.id)}&station=29019_1`);

    await userEvent.click(within(crumbs).getByRole('button', { name: 'Finistère' }));
    await waitFor(() => expect(query()).toEqual({ level: 'CONSTITUENCY', federation: '29' }));
    await userEvent.click(within(crumbs).getByRole('button', { name: 'National total' }));
    await waitFor(() => expect(query()).toEqual({}));
  });

  it('pages forward and back with the cursors in the URL', async () => {
    signInAs();
    const api = resultsApi();
    renderApp('/results?level=STATION&commune=29019');
    await waitFor(() => expect(screen.getAllByTestId('results-row')).toHaveLength(PAGE_SIZE));
    expect(screen.getByTestId('results-total')).toHaveTextContent('30 polling stations');
    expect(screen.getByTestId('results-prev')).toBeDisabled();

    await userEvent.click(screen.getByTestId('results-next'));
    await waitFor(() => expect(screen.getAllByTestId('results-row')).toHaveLength(5));
    expect(query()).toEqual({ level: 'STATION', commune: '29019', after: 'o:24', trail: '-' });
    expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ after: 'o:24', first: 25 });
    expect(screen.getByTestId('results-page-number')).toHaveTextContent('Page 2');

    await userEvent.click(screen.getByTestId('results-prev'));
    await waitFor(() => expect(screen.getAllByTestId('results-row')).toHaveLength(PAGE_SIZE));
    expect(query()).toEqual({ level: 'STATION', commune: '29019' });
    expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ after: null });
  });

  it('sorts by a bloc’s share or its change, compares with the other round, filters the turnout, from the first page', async () => {
    signInAs();
    const api = resultsApi();
    renderApp('/results?level=STATION&commune=29019&after=o:24&trail=-');
    await screen.findAllByTestId('results-row');

    await userEvent.selectOptions(screen.getByTestId('results-sort'), 'BLOC_SHARE');
    await waitFor(() => expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ orderBy: { field: 'BLOC_SHARE', bloc: 'gauche', descending: false }, after: null }));
    await userEvent.selectOptions(screen.getByTestId('results-bloc'), 'centre');
    await userEvent.click(screen.getByTestId('results-descending'));
    await waitFor(() => expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ orderBy: { field: 'BLOC_SHARE', bloc: 'centre', descending: true } }));

    // changes are offered once compared
    expect(screen.queryByRole('option', { name: 'Turnout change' })).toBeNull();
    await userEvent.click(screen.getByTestId('results-compare'));
    await userEvent.selectOptions(screen.getByTestId('results-sort'), 'TURNOUT_CHANGE');
    await waitFor(() =>
      expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ compareTo: ROUND_1.id, orderBy: { field: 'TURNOUT_CHANGE', bloc: null, descending: true } }),
    );
    expect(screen.getAllByTestId('results-turnout')[0]).toHaveTextContent('+1.5 pts');

    fireEvent.change(screen.getByTestId('results-min-turnout'), { target: { value: '65' } });
    await waitFor(() => expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ minTurnout: 65, maxTurnout: null }));
    fireEvent.change(screen.getByTestId('results-max-turnout'), { target: { value: '80.5' } });
    await waitFor(() => expect(api.variablesOf('ResultsTable').at(-1)).toMatchObject({ minTurnout: 65, maxTurnout: 80.5 }));
    expect(query()).toMatchObject({ sort: 'TURNOUT_CHANGE', compare: '1', desc: '1', min: '65', max: '80.5', bloc: 'centre' });
    expect(query().after).toBeUndefined();
  });

  it('downloads the same table as CSV, with the viewer’s token', async () => {
    signInAs('the-token');
    const api = resultsApi();
    // jsdom implements neither: catch the file instead.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderApp('/results?level=STATION&commune=29019&compare=1&sort=TURNOUT&desc=1');
    await screen.findAllByTestId('results-row');
    await userEvent.click(screen.getByTestId('results-csv'));
    await waitFor(() => expect(api.calls.some((c) => c.url.startsWith('/results.csv'))).toBe(true));
    const call = api.calls.find((c) => c.url.startsWith('/results.csv'))!;
    expect(call.url).toBe(`/results.csv?election=${encodeURIComponent(ROUND_2.id)}&compare=${encodeURIComponent(ROUND_1.id)}&level=station&commune=29019&orderBy=turnout&descending=true`);
    expect(call.headers.get('Authorization')).toBe('Bearer the-token');
    await waitFor(() => expect(saved).toEqual(['resultats-station.csv']));
  });

  it('shows cards on a phone', async () => {
    actAsPhone();
    signInAs();
    resultsApi();
    renderApp('/results?level=COMMUNE&compare=1');
    const cards = await screen.findByTestId('results-cards');
    expect(within(cards).getAllByTestId('results-row')).toHaveLength(2);
    expect(cards).toHaveTextContent('Gauche46.5%+4.4 pts');
    expect(screen.queryByTestId('results-table')).toBeNull();
  });
});

describe('results URL state', () => {
  it('ignores what is not a level, a code or a turnout', () => {
    const p = readResultsParams(new URLSearchParams('level=planet&federation=2A&commune=x&min=150&max=40&trail=-~o:24'));
    expect(p).toMatchObject({ level: 'NATION', federation: '2A', commune: null, minTurnout: null, maxTurnout: 40, trail: ['-', 'o:24'] });
    expect(csvUrl(p, 'E', null, [])).toBe('/results.csv?election=E&level=nation&federation=2A&orderBy=name');
  });
});
