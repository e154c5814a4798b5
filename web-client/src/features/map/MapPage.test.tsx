import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { ELECTIONS, MAP_LAYERS, nationalGrant, ROUND_1, ROUND_2, viewerAnswer } from '../../test/fixtures';
import { actAsPhone, renderApp } from '../../test/render';
import { mapPathOf, readMapParams } from './mapParams';

// jsdom has no WebGL: the map itself is tried in Chromium (tests/Coopol.Browser.Tests/CampaignMapTests).
vi.mock('./CampaignMap', () => ({
  default: ({ children, label }: { children?: ReactNode; label: string }) => (
    <div data-testid="map" aria-label={label}>
      {children}
    </div>
  ),
}));

const LAYER_INFO = { layer: 'turnout', label: 'Participation', unit: '%', breaks: [64.03, 69.88, 73.42, 76], min: 49.05, max: 82.08, zones: 143, bounds: [-5, 48.3, -4.3, 48.6] };

function result(election: typeof ROUND_1, round: 1 | 2) {
  const candidates =
    round === 1
      ? [
          { candidateId: 'c1', name: 'CADALEN', firstName: 'Pierre-Yves', nuance: 'UG', bloc: 'gauche', blocName: 'gauche', elected: false, votes: 221, share: 40.48 },
          { candidateId: 'c2', name: 'KERVELLA', firstName: 'Denis', nuance: 'RN', bloc: 'extreme-droite', blocName: 'extrême droite', elected: false, votes: 121, share: 22.16 },
        ]
      : [{ candidateId: 'c1', name: 'CADALEN', firstName: 'Pierre-Yves', nuance: 'UG', bloc: 'gauche', blocName: 'gauche', elected: true, votes: 258, share: 46.49 }];
  return {
    election: { id: election.id, name: election.name, date: election.date, round },
    constituency: '29-02',
    registered: 773,
    voters: round === 1 ? 564 : 566,
    abstentions: 209,
    blank: 18,
    null: 0,
    expressed: 546,
    turnout: round === 1 ? 72.96 : 73.22,
    candidates,
    blocs: [{ key: 'gauche', name: 'gauche', share: 42.12, votes: 230 }],
  };
}

const STATION = {
  data: {
    pollingStation: {
      id: 'UG9sbGluZ1N0YXRpb246MjkwMTlfNzY=',
      code: '29019_76',
      bureau: '76',
      name: 'Bureau n° 76 - GROUPE SCOLAIRE KERINOU',
      address: null,
      communeCode: '29019',
      communeName: 'Brest',
      location: { latitude: 48.408467, longitude: -4.4903 },
      // newest first, with an older election that is not shown
      results: [result(ROUND_2, 2), result(ROUND_1, 1), { ...result(ROUND_1, 1), election: { id: 'old', name: 'Législatives 2022 – 1er tour', date: '2022-06-12', round: 1 } }],
    },
  },
};

function mapApi() {
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants: [nationalGrant] }),
      Elections: () => ELECTIONS,
      MapLayers: () => MAP_LAYERS,
      MapLayer: (v) => ({ data: { mapLayer: { ...LAYER_INFO, layer: v.layer } } }),
      PollingStation: () => STATION,
    },
  });
}

const location = () => screen.getByTestId('location').textContent ?? '';

describe('map URL state', () => {
  it('reads election, layer and selection from the URL, and writes them back', () => {
    expect(readMapParams(new URLSearchParams('election=E&layer=change.bloc.gauche&station=29019_76'))).toEqual({
      election: 'E',
      layer: 'change.bloc.gauche',
      station: '29019_76',
      zone: null,
    });
    expect(readMapParams(new URLSearchParams('layer=<script>&zone=29019'))).toEqual({ election: null, layer: 'turnout', station: null, zone: '29019' });
    expect(mapPathOf({ station: '29019_76', election: 'E' })).toBe('/map?election=E&station=29019_76');
    expect(mapPathOf({ layer: 'turnout' })).toBe('/map');
  });
});

describe('map page', () => {
  it('shows the newest election’s turnout with its legend, and sets its title', async () => {
    signInAs();
    const api = mapApi();
    renderApp('/map');
    const legend = await screen.findByTestId('map-legend');
    expect(within(legend).getAllByTestId('map-legend-class')).toHaveLength(5);
    expect(legend).toHaveTextContent('49.1 – 64.0');
    expect(within(legend).getByTestId('map-legend-no-data')).toHaveTextContent('No data');
    expect(screen.getByTestId('map-election')).toHaveValue(ROUND_2.id);
    expect(screen.getByTestId('map-layer')).toHaveValue('turnout');
    expect(api.variablesOf('MapLayer')[0]).toEqual({ layer: 'turnout', electionId: ROUND_2.id, compareTo: null });
    await waitFor(() => expect(document.title).toBe('Campaign map · Coopol'));
    expect(screen.getByTestId('nav-map')).toHaveAttribute('aria-current', 'page');
  });

  it('keeps the layer in the URL, and compares with the other round for a change', async () => {
    signInAs();
    const api = mapApi();
    renderApp(`/map?election=${ROUND_2.id}`);
    await screen.findByTestId('map-legend');
    await userEvent.selectOptions(screen.getByTestId('map-layer'), 'bloc.gauche');
    await waitFor(() => expect(location()).toBe(`/map?election=${encodeURIComponent(ROUND_2.id)}&layer=bloc.gauche`));
    await userEvent.click(screen.getByTestId('map-change'));
    await waitFor(() => expect(new URLSearchParams(location().split('?')[1]).get('layer')).toBe('change.bloc.gauche'));
    await waitFor(() =>
      expect(api.variablesOf('MapLayer').at(-1)).toEqual({ layer: 'change.bloc.gauche', electionId: ROUND_2.id, compareTo: ROUND_1.id }),
    );
    // a candidate has no change: the box is off for them
    await userEvent.selectOptions(screen.getByTestId('map-layer'), 'candidate.fdcf4e26ed294b8ea529353b9db94d5e');
    await waitFor(() => expect(screen.getByTestId('map-change')).toBeDisabled());
    expect(new URLSearchParams(location().split('?')[1]).get('layer')).toBe('candidate.fdcf4e26ed294b8ea529353b9db94d5e');
  });

  it('opens a station from the URL with both rounds side by side, round 1 first, and closes it', async () => {
    signInAs();
    mapApi();
    renderApp(`/map?station=29019_76&election=${ROUND_2.id}`);
    const panel = await screen.findByTestId('station-panel');
    await waitFor(() => expect(within(panel).getAllByTestId('station-round')).toHaveLength(2));
    const [first, second] = within(panel).getAllByTestId('station-round');
    expect(first).toHaveAttribute('data-round', '1');
    expect(first).toHaveTextContent('Round 1');
    expect(first).toHaveTextContent('Pierre-Yves CADALEN');
    expect(first).toHaveTextContent('40.5% · 221 votes');
    expect(within(first!).getAllByTestId('station-candidate')).toHaveLength(2);
    expect(second).toHaveTextContent('Round 2');
    expect(second).toHaveTextContent('elected');
    expect(panel).not.toHaveTextContent('2022');
    expect(within(panel).getByTestId('station-name')).toHaveTextContent('Bureau n° 76 - GROUPE SCOLAIRE KERINOU');

    await userEvent.click(within(panel).getByTestId('station-close'));
    await waitFor(() => expect(screen.queryByTestId('station-panel')).toBeNull());
    expect(location()).toBe(`/map?election=${encodeURIComponent(ROUND_2.id)}`);
  });

  it('folds the controls on a phone, and keeps the legend over the map', async () => {
    actAsPhone();
    signInAs();
    mapApi();
    renderApp('/map');
    await screen.findByTestId('map-legend');
    expect(screen.getByTestId('map-controls')).not.toBeVisible();
    await userEvent.click(screen.getByTestId('map-controls-toggle'));
    expect(screen.getByTestId('map-controls')).toBeVisible();
    expect(screen.getByTestId('map-controls-toggle')).toHaveAttribute('aria-expanded', 'true');
  });

  it('is offered to holders of VIEW_RESULTS only', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: () => viewerAnswer({ grants: [{ ...nationalGrant, level: 'SECTION', permissions: ['VIEW_PEOPLE'] }] }) } });
    renderApp('/');
    await screen.findByTestId('viewer-name');
    expect(screen.queryByTestId('nav-map')).toBeNull();
    expect(screen.queryByTestId('nav-results')).toBeNull();
    expect(screen.queryByTestId('nav-imports')).toBeNull();
  });
});

describe('map page without the right', () => {
  it('says why on a phone too, where the controls are folded', async () => {
    actAsPhone();
    signInAs();
    mockApi({
      graphql: {
        Viewer: () => viewerAnswer({ grants: [nationalGrant] }),
        Elections: () => ({ data: null, errors: [{ message: 'no', path: ['elections'], extensions: { code: 'FORBIDDEN' } }] }),
      },
    });
    renderApp('/map');
    const error = await screen.findByTestId('api-error');
    expect(error).toHaveAttribute('data-code', 'FORBIDDEN');
    expect(error).toBeVisible();
  });
});
