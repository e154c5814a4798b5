import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { actionDetails } from '../../test/actionFixtures';
import { viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

// jsdom has no WebGL: the map is a list of its markers here.
vi.mock('./ActionsMap', () => ({
  default: ({ actions, label }: { actions: { id: string }[]; label: string }) => (
    <div data-testid="actions-map" aria-label={label} data-markers={actions.map((a) => a.id).join(' ')} />
  ),
}));

function hit(n: number, distanceMeters: number) {
  return { distanceMeters, action: { ...actionDetails(), id: `QWN0aW9uOj${n}`, title: `Action ${n}` } };
}

function nearby(items: ReturnType<typeof hit>[], hasNextPage = false, label: string | null = 'Brest (29)'): GraphQLAnswer {
  return {
    data: {
      nearbyActions: {
        place: { label, communeCode: label ? '29019' : null, point: { latitude: 48.39, longitude: -4.486 } },
        actions: { pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null }, items },
      },
    },
  };
}

const location = () => screen.getByTestId('location').textContent ?? '';

describe('actions near me', () => {
  it('is open to visitors: a postcode or commune finds the actions around it, in a list and on the map', async () => {
    const api = mockApi({ graphql: { NearbyActions: () => nearby([hit(1, 1234), hit(2, 5600)]) } });
    renderApp('/actions');
    expect(await screen.findByTestId('nearby-start')).toBeInTheDocument();
    expect(screen.getByTestId('nav-actions')).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByTestId('nav-my-actions')).not.toBeInTheDocument();

    await userEvent.type(screen.getByTestId('nearby-place-input'), 'Brest');
    await userEvent.click(screen.getByTestId('nearby-search'));

    expect(await screen.findByTestId('nearby-place')).toHaveTextContent('Within 10 km of Brest (29)');
    expect(location()).toBe('/actions?place=Brest');
    expect(api.variablesOf('NearbyActions')[0]).toEqual({
      near: { place: 'Brest' },
      radiusKm: 10,
      kinds: null,
      from: null,
      to: null,
      first: 20,
      after: null,
    });
    const rows = within(screen.getByTestId('nearby-list')).getAllByTestId('action-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('action-link')).toHaveTextContent('Action 1');
    expect(within(rows[0]!).getByTestId('action-distance')).toHaveTextContent('1.2 km away');
    expect(within(rows[0]!).getByTestId('action-places')).toHaveTextContent('6 places left · target 8');
    expect(within(rows[0]!).getByTestId('action-when').textContent).toMatch(/\d{2}:\d{2}/);
    expect(await screen.findByTestId('actions-map')).toHaveAttribute('data-markers', 'QWN0aW9uOj1 QWN0aW9uOj2');
    await waitFor(() => expect(document.title).toBe('Actions near me · Coopol'));
  });

  it('keeps radius, kinds and days in the URL, and loads more with the cursor', async () => {
    const api = mockApi({
      graphql: { NearbyActions: (v) => (v.after ? nearby([hit(3, 9000)]) : nearby([hit(1, 1000), hit(2, 2000)], true)) },
    });
    renderApp('/actions?place=29200&radius=20&kinds=MEETING');
    await screen.findByTestId('nearby-list');
    expect(screen.getByTestId('nearby-radius')).toHaveValue('20');
    expect(screen.getByTestId('nearby-kind-MEETING')).toBeChecked();
    expect(api.variablesOf('NearbyActions')[0]).toMatchObject({ near: { place: '29200' }, radiusKm: 20, kinds: ['MEETING'] });

    await userEvent.click(screen.getByTestId('nearby-more'));
    await waitFor(() => expect(screen.getAllByTestId('action-row')).toHaveLength(3));
    expect(api.variablesOf('NearbyActions').at(-1)).toMatchObject({ after: 'c1', radiusKm: 20 });
    expect(screen.queryByTestId('nearby-more')).not.toBeInTheDocument();

    fireEvent.change(screen.getByTestId('nearby-from'), { target: { value: '2026-12-01' } });
    await waitFor(() => expect(new URLSearchParams(location().split('?')[1]).get('from')).toBe('2026-12-01'));
    await waitFor(() => expect(api.variablesOf('NearbyActions').at(-1)?.from).toBe(new Date(2026, 11, 1).toISOString()));
    // a new search starts again from its first page
    expect(api.variablesOf('NearbyActions').at(-1)?.after).toBeNull();
  });

  it('says when a place is unknown, and offers the location when a place has no map', async () => {
    const getCurrentPosition = vi.fn((ok: PositionCallback) =>
      ok({ coords: { latitude: 48.3904, longitude: -4.4861 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
    const api = mockApi({
      graphql: {
        NearbyActions: (v) =>
          (v.near as { place?: string }).place
            ? { data: null, errors: [{ message: '"Ouessant" has no map', extensions: { code: 'PLACE_WITHOUT_MAP' } }] }
            : nearby([], false, null),
      },
    });
    renderApp('/actions?place=Ouessant');
    const error = await screen.findByTestId('nearby-error');
    expect(error).toHaveAttribute('data-code', 'PLACE_WITHOUT_MAP');
    expect(error).toHaveTextContent('This place has no map in Coopol yet: use your location instead.');

    await userEvent.click(screen.getByTestId('nearby-error-locate'));
    expect(await screen.findByTestId('nearby-place')).toHaveTextContent('Within 10 km of your location');
    expect(screen.getByTestId('nearby-empty')).toBeInTheDocument();
    // about 100 m: enough to find actions, no more precise about where someone is
    expect(location()).toBe('/actions?lat=48.390&lon=-4.486');
    expect(api.variablesOf('NearbyActions').at(-1)?.near).toEqual({ point: { latitude: 48.39, longitude: -4.486 } });
  });

  it('explains a place that matches nothing', async () => {
    mockApi({ graphql: { NearbyActions: () => ({ data: null, errors: [{ message: 'no', extensions: { code: 'PLACE_NOT_FOUND' } }] }) } });
    renderApp('/actions?place=Atlantis');
    expect(await screen.findByTestId('nearby-error')).toHaveAttribute('data-code', 'PLACE_NOT_FOUND');
    expect(screen.queryByTestId('nearby-error-locate')).not.toBeInTheDocument();
  });

  it('offers My actions to those signed in, and lists them', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        MyActions: () => ({
          data: { myActions: { pageInfo: { hasNextPage: false, endCursor: null }, items: [{ ...actionDetails(), viewerParticipation: 'WAITING' }] } },
        }),
      },
    });
    renderApp('/me/actions');
    const row = await screen.findByTestId('action-row');
    expect(within(row).getByTestId('action-participation')).toHaveTextContent('You are on the waiting list');
    expect(screen.getByTestId('nav-my-actions')).toHaveAttribute('aria-current', 'page');
  });
});
