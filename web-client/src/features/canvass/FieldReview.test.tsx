import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { viewerAnswer } from '../../test/fixtures';
import { actAsPhone, renderApp } from '../../test/render';

function row(key: string, overrides: Record<string, unknown> = {}) {
  return {
    key,
    label: `Bureau ${key}`,
    week: null,
    actionsHeld: 3,
    attendanceTarget: 10,
    volunteers: 12,
    checkedIn: 9,
    doorsKnocked: 340,
    contacts: 88,
    newSupporters: 7,
    withheld: false,
    ...overrides,
  };
}

const rows = [row('29019_12'), row('29019_13', { volunteers: null, checkedIn: null, newSupporters: null, withheld: true })];

describe('the field review', () => {
  it('is offered to holders of MANAGE_ACTIONS and shows withheld counts as “< 5”, with why', async () => {
    signInAs();
    const api = mockApi({ graphql: { Viewer: viewerAnswer, FieldReview: () => ({ data: { fieldReview: rows } }) } });
    renderApp('/review?level=STATION');
    expect(await screen.findByTestId('nav-review')).toHaveAttribute('href', '/review');
    const table = await screen.findByTestId('review-table');
    const [open, small] = within(table).getAllByTestId('review-row');
    expect(within(open!).getByTestId('review-volunteers')).toHaveTextContent('12');
    expect(within(open!).getByTestId('review-doorsKnocked')).toHaveTextContent('340');
    expect(open).toHaveTextContent('3 held / 10 expected');
    expect(within(small!).getByTestId('review-volunteers')).toHaveTextContent('< 5');
    expect(within(small!).getByTestId('review-newSupporters')).toHaveTextContent('< 5');
    expect(within(small!).getByTestId('review-doorsKnocked')).toHaveTextContent('340');
    expect(screen.getByTestId('review-withheld-note')).toHaveTextContent('a count between 1 and 4 is not shown');
    // stations open on the map
    expect(within(open!).getByTestId('review-map-link')).toHaveAttribute('href', '/map?station=29019_12');
    expect(api.variablesOf('FieldReview')[0]).toEqual({ level: 'STATION', federationCode: null, from: null, to: null, byWeek: false });
  });

  it('keeps its filters in the URL and shows cards on a phone', async () => {
    signInAs();
    actAsPhone();
    const api = mockApi({ graphql: { Viewer: viewerAnswer, FieldReview: () => ({ data: { fieldReview: rows } }) } });
    renderApp('/review');
    await screen.findByTestId('review-cards');
    await userEvent.selectOptions(screen.getByTestId('review-level'), 'FEDERATION');
    await userEvent.click(screen.getByTestId('review-by-week'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/review?level=FEDERATION&week=1'));
    await waitFor(() => expect(api.variablesOf('FieldReview').at(-1)).toMatchObject({ level: 'FEDERATION', byWeek: true }));
    expect(within(screen.getAllByTestId('review-row')[1]!).getByTestId('review-checkedIn')).toHaveTextContent('< 5');
    expect(screen.queryByTestId('review-map-link')).not.toBeInTheDocument();
  });

  it('is not offered without MANAGE_ACTIONS', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: () => viewerAnswer({ grants: [] }), MyActions: () => ({ data: { myActions: { pageInfo: { hasNextPage: false, endCursor: null }, items: [] } } }) } });
    renderApp('/me/actions');
    expect(await screen.findByTestId('viewer-name')).toHaveTextContent('Anne Secrétaire');
    expect(screen.queryByTestId('nav-review')).not.toBeInTheDocument();
  });
});
