import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { ACTION_ID, actionDetails } from '../../test/actionFixtures';
import { SHARE_ID, shareSummary, walkList } from '../../test/canvassFixtures';
import { viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

vi.mock('../actions/ActionsMap', () => ({ default: () => <div data-testid="actions-map" /> }));

const doorToDoor = (overrides: Record<string, unknown> = {}) => actionDetails({ kind: 'DOOR_TO_DOOR', title: 'Porte-à-porte à Recouvrance', ...overrides });
const noParticipants = () => ({ data: { action: { id: ACTION_ID, participants: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, items: [] } } } });

describe('the turf of a door-to-door', () => {
  it('is split by those who run it into one share per confirmed participant by default', async () => {
    signInAs();
    const api = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => ({ data: { action: doorToDoor({ viewerOrganizes: true }) } }),
        ActionParticipants: noParticipants,
        TurfShares: () => ({ data: { turfShares: [] } }),
        SplitTurf: (v) => ({
          data: { splitTurf: { split: { shares: Array.from({ length: v.shares as number }, (_, i) => shareSummary(i + 1)) }, errors: [] } },
        }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    const panel = await screen.findByTestId('turf-split');
    expect(within(panel).getByTestId('turf-no-shares')).toBeInTheDocument();
    // the action has 4 confirmed participants
    expect(within(panel).getByTestId('turf-share-count')).toHaveValue(4);
    await userEvent.clear(within(panel).getByTestId('turf-share-count'));
    await userEvent.type(within(panel).getByTestId('turf-share-count'), '0');
    expect(within(panel).getByTestId('turf-split-submit')).toBeDisabled();
    await userEvent.clear(within(panel).getByTestId('turf-share-count'));
    await userEvent.type(within(panel).getByTestId('turf-share-count'), '3');
    await userEvent.click(within(panel).getByTestId('turf-split-submit'));

    await waitFor(() => expect(screen.getAllByTestId('turf-share')).toHaveLength(3));
    expect(api.variablesOf('SplitTurf')).toEqual([{ actionId: ACTION_ID, shares: 3 }]);
    expect(screen.getAllByTestId('turf-share')[0]).toHaveTextContent('Share 1');
    expect(screen.getAllByTestId('turf-share')[0]).toHaveTextContent('11 addresses · 41 doors');
    expect(screen.getByTestId('turf-split-submit')).toHaveTextContent('Split again');
  });

  it('lists the shares with holder and progress from the summary, and releases one after confirmation', async () => {
    signInAs();
    let released = false;
    const api = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => ({ data: { action: doorToDoor({ viewerManages: true }) } }),
        ActionParticipants: noParticipants,
        ElectoralSilences: () => ({ data: { electoralSilences: [] } }),
        TurfShares: () => ({
          data: {
            turfShares: [
              shareSummary(1, released ? {} : { checkedOut: true, holderName: 'Yann Le Goff', doorsReported: 12 }),
              shareSummary(2, { releasedAt: '2026-11-30T10:00:00Z' }),
              shareSummary(3, { checkedOut: true, heldByViewer: true, holderName: 'Me', doorsReported: 3 }),
            ],
          },
        }),
        ReleaseTurfShare: () => {
          released = true;
          return { data: { releaseTurfShare: { share: { id: shareSummary(1).id, number: 1, checkedOut: false }, errors: [] } } };
        },
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    const [progress, mine] = await screen.findAllByTestId('turf-share-progress');
    expect(progress).toHaveTextContent('Yann Le Goff');
    expect(progress).toHaveTextContent('12 of 41 doors reported');
    expect(progress).toHaveAttribute('data-reported', '12');
    expect(progress).toHaveAttribute('data-doors', '41');
    expect(within(mine!).getByTestId('turf-share-holder')).toHaveTextContent('You');
    expect(mine).toHaveTextContent('3 of 43 doors reported');
    // the summary says it all: no share is read one by one (that would load its whole walk list)
    expect(api.graphqlCalls('TurfShare')).toHaveLength(0);
    expect(api.graphqlCalls('TurfShares')).toHaveLength(1);
    // a share being worked: no splitting again
    expect(screen.getByTestId('turf-split-submit')).toBeDisabled();
    expect(screen.getByTestId('turf-split-in-use')).toBeInTheDocument();
    const [first, second] = screen.getAllByTestId('turf-share');
    expect(within(second!).getByTestId('turf-share-free')).toHaveTextContent('Free again');
    expect(within(first!).getByTestId('turf-share-link')).toHaveAttribute('href', `/shares/${encodeURIComponent(shareSummary(1).id)}`);

    await userEvent.click(within(first!).getByTestId('turf-share-release'));
    const dialog = screen.getByTestId('release-dialog');
    expect(dialog).toHaveTextContent('Release share 1?');
    await userEvent.click(within(dialog).getByTestId('release-dialog-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('turf-share-progress')).toHaveLength(1));
    expect(api.variablesOf('ReleaseTurfShare')).toEqual([{ shareId: shareSummary(1).id }]);
    expect(screen.getAllByTestId('turf-share')[0]).not.toHaveTextContent('Yann Le Goff');
  });

  it('lets a confirmed participant take the first free share and opens its walk list', async () => {
    signInAs();
    const api = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => ({ data: { action: doorToDoor({ viewerParticipation: 'CONFIRMED' }) } }),
        TurfShares: () => ({ data: { turfShares: [shareSummary(2), shareSummary(3)] } }),
        CheckOutTurfShare: () => ({ data: { checkOutTurfShare: { share: walkList(), errors: [] } } }),
        TurfShare: () => ({ data: { turfShare: walkList() } }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    await userEvent.click(await screen.findByTestId('take-share'));
    await screen.findByTestId('walk-list');
    expect(api.variablesOf('CheckOutTurfShare')).toEqual([{ actionId: ACTION_ID, shareId: null }]);
    expect(screen.getByTestId('location')).toHaveTextContent(`/shares/${encodeURIComponent(SHARE_ID)}`);
  });

  it('sends a participant back to the share they hold (heldByViewer), not to one someone else took', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => ({ data: { action: doorToDoor({ viewerParticipation: 'CONFIRMED' }) } }),
        TurfShares: () => ({
          data: { turfShares: [shareSummary(6, { checkedOut: true }), shareSummary(7, { id: SHARE_ID, checkedOut: true, heldByViewer: true }), shareSummary(8)] },
        }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    const link = await screen.findByTestId('my-share-link');
    expect(link).toHaveTextContent('Open my share (7)');
    expect(link).toHaveAttribute('href', `/shares/${encodeURIComponent(SHARE_ID)}`);
    expect(screen.queryByTestId('take-share')).not.toBeInTheDocument();
  });
});
