import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { ACTION_ID } from '../../test/actionFixtures';
import { DOOR_2, DOOR_3, SHARE_ID, walkList } from '../../test/canvassFixtures';
import { viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { queuedReports } from './offlineStore';

const accepted = (v: Record<string, unknown>): GraphQLAnswer => ({
  data: {
    submitDoorReports: {
      submitted: {
        results: (v.input as { reports: { clientId: string }[] }).reports.map((r) => ({ clientId: r.clientId, status: 'ACCEPTED', code: null, message: null })),
      },
      errors: [],
    },
  },
});

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

function doorButton(doorId: string) {
  return screen.getAllByTestId('door').find((d) => d.getAttribute('data-door-id') === doorId)!;
}

describe('the walk list', () => {
  it('shows the addresses street by street, with the outcome of doors already reported', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: viewerAnswer, TurfShare: () => ({ data: { turfShare: walkList() } }) } });
    renderApp(`/shares/${SHARE_ID}`);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Share 7');
    const streets = screen.getAllByTestId('street');
    expect(streets.map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual(['Rue de Siam', 'Rue Jean Jaurès']);
    expect(within(streets[0]!).getAllByTestId('address').map((a) => within(a).getByRole('heading', { level: 3 }).textContent)).toEqual(['1', '3 bis']);
    expect(screen.getAllByTestId('door')[0]).toHaveAttribute('data-outcome', 'NOT_HOME');
    expect(screen.getAllByTestId('door')[0]).toHaveTextContent('Not home');
    expect(screen.getByTestId('walk-progress')).toHaveTextContent('1 of 3 doors reported');
    expect(screen.getByTestId('walk-release')).toBeInTheDocument();
  });

  it('reports a door with its outcome and answers, and sends the contact only with the household’s consent', async () => {
    signInAs();
    const api = mockApi({ graphql: { Viewer: viewerAnswer, TurfShare: () => ({ data: { turfShare: walkList() } }), SubmitDoorReports: accepted } });
    renderApp(`/shares/${SHARE_ID}`);
    await userEvent.click(await waitFor(() => doorButton(DOOR_2)));
    const sheet = screen.getByTestId('report-sheet');
    expect(sheet).toHaveTextContent('3 bis Rue de Siam · Building A · Apt 2');

    // Nothing is kept without an outcome.
    await userEvent.click(within(sheet).getByTestId('report-save'));
    expect(screen.getByTestId('report-errors-outcome')).toHaveTextContent('Choose what happened at this door.');

    await userEvent.click(within(sheet).getByTestId('outcome-INTERESTED'));
    expect(within(sheet).getByTestId('outcome-INTERESTED')).toHaveAttribute('aria-pressed', 'true');
    const yes = within(sheet).getAllByTestId('answer-q1').find((b) => b.getAttribute('data-value') === 'yes')!;
    await userEvent.click(yes);
    await userEvent.click(within(sheet).getAllByTestId('answer-q2').find((b) => b.getAttribute('data-value') === 'Transport')!);
    fill('answer-q3', ' Tram ');
    fill('report-note', 'Call back after 6 pm');
    await userEvent.click(within(sheet).getByTestId('report-contact-toggle'));
    fill('contact-firstName', 'Maïwenn');
    fill('contact-lastName', 'Le Bris');
    fill('contact-phone', '06 12 34 56 78');

    // Details typed without the consent ticked: not kept, and said next to the box.
    await userEvent.click(within(sheet).getByTestId('report-save'));
    expect(screen.getByTestId('report-errors-consent')).toHaveTextContent('they are never sent without it');
    expect(screen.getByTestId('contact-consent')).toHaveAttribute('aria-invalid', 'true');
    expect(await queuedReports()).toEqual([]);
    expect(api.variablesOf('SubmitDoorReports')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('contact-consent'));
    await userEvent.click(within(sheet).getByTestId('report-save'));
    await waitFor(() => expect(api.variablesOf('SubmitDoorReports')).toHaveLength(1));
    const input = api.variablesOf('SubmitDoorReports')[0]!.input as { actionId: string; reports: Record<string, unknown>[] };
    expect(input.actionId).toBe(ACTION_ID);
    expect(input.reports).toHaveLength(1);
    expect(input.reports[0]).toMatchObject({
      doorId: DOOR_2,
      outcome: 'INTERESTED',
      answers: [
        { questionId: 'q1', value: 'yes' },
        { questionId: 'q2', value: 'Transport' },
        { questionId: 'q3', value: 'Tram' },
      ],
      note: 'Call back after 6 pm',
      contact: { firstName: 'Maïwenn', lastName: 'Le Bris', email: null, phone: '06 12 34 56 78', consentGiven: true },
    });
    expect(input.reports[0]!.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(screen.queryByTestId('report-sheet')).not.toBeInTheDocument();
    // Sent and gone from the queue, the door still shows what was reported.
    await waitFor(async () => expect(await queuedReports()).toEqual([]));
    expect(doorButton(DOOR_2)).toHaveAttribute('data-outcome', 'INTERESTED');
    expect(screen.getByTestId('walk-progress')).toHaveTextContent('2 of 3 doors reported');
  });

  it('asks nothing more of a door nobody opened, and leaves out a contact section left empty', async () => {
    signInAs();
    const api = mockApi({ graphql: { Viewer: viewerAnswer, TurfShare: () => ({ data: { turfShare: walkList() } }), SubmitDoorReports: accepted } });
    renderApp(`/shares/${SHARE_ID}`);
    await userEvent.click(await waitFor(() => doorButton(DOOR_3)));
    await userEvent.click(screen.getByTestId('outcome-NOT_HOME'));
    expect(screen.queryByTestId('report-question')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-contact-toggle')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(api.variablesOf('SubmitDoorReports')).toHaveLength(1));
    expect((api.variablesOf('SubmitDoorReports')[0]!.input as { reports: unknown[] }).reports[0]).toMatchObject({
      doorId: DOOR_3,
      outcome: 'NOT_HOME',
      answers: [],
      note: null,
      contact: null,
    });
  });

  it('works without network: the list kept on the phone opens, reports wait and are counted', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: viewerAnswer, TurfShare: () => ({ data: { turfShare: walkList() } }) } });
    const first = renderApp(`/shares/${SHARE_ID}`);
    await screen.findByTestId('walk-list');
    // the copy is written once the list is read
    await waitFor(async () => expect((await import('./offlineStore')).loadShare(SHARE_ID)).resolves.not.toBeNull());
    first.unmount();

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderApp(`/shares/${SHARE_ID}`);
    expect(await screen.findByTestId('walk-offline-copy')).toHaveTextContent('Offline: the copy kept on this phone');
    expect(screen.getByTestId('offline-notice')).toBeInTheDocument();
    expect(screen.getByTestId('walk-pdf')).toBeDisabled();

    await userEvent.click(doorButton(DOOR_3));
    await userEvent.click(screen.getByTestId('outcome-REFUSED'));
    await userEvent.click(screen.getByTestId('report-save'));
    const waiting = await screen.findByTestId('reports-waiting');
    expect(waiting).toHaveTextContent('1 report waiting to be sent');
    expect(doorButton(DOOR_3)).toHaveAttribute('data-waiting', 'true');
    expect(doorButton(DOOR_3)).toHaveTextContent('Refused');
    expect(await queuedReports()).toHaveLength(1);
  });

  it('shows a refused report with the API’s reason, to fix or discard', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        TurfShare: () => ({ data: { turfShare: walkList() } }),
        SubmitDoorReports: (v) => ({
          data: {
            submitDoorReports: {
              submitted: {
                results: (v.input as { reports: { clientId: string }[] }).reports.map((r) => ({
                  clientId: r.clientId,
                  status: 'REJECTED',
                  code: 'INVALID_TIME',
                  message: 'The visit time is not within the action.',
                })),
              },
              errors: [],
            },
          },
        }),
      },
    });
    renderApp(`/shares/${SHARE_ID}`);
    await userEvent.click(await waitFor(() => doorButton(DOOR_3)));
    await userEvent.click(screen.getByTestId('outcome-OPENED'));
    await userEvent.click(screen.getByTestId('report-save'));
    const refused = await screen.findByTestId('rejected-report');
    expect(refused).toHaveAttribute('data-code', 'INVALID_TIME');
    expect(refused).toHaveTextContent('The visit time is not within the action.');
    await userEvent.click(within(refused).getByTestId('rejected-discard'));
    await userEvent.click(within(screen.getByTestId('discard-dialog')).getByTestId('discard-dialog-confirm'));
    await waitFor(() => expect(screen.queryByTestId('rejected-report')).not.toBeInTheDocument());
    expect(await queuedReports()).toEqual([]);
  });

  it('takes a building’s door count from the volunteer, online only', async () => {
    signInAs();
    const building = 'QnVpbGRpbmc6Mw==';
    const api = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        TurfShare: () => ({ data: { turfShare: walkList() } }),
        SetBuildingDoorCount: (v) =>
          v.count === 1
            ? { data: { setBuildingDoorCount: { building: null, errors: [{ __typename: 'MutationError', code: 'DOORS_REPORTED', message: 'x' }] } } }
            : {
                data: {
                  setBuildingDoorCount: {
                    building: {
                      id: building,
                      label: null,
                      doorCount: 3,
                      doors: [
                        { id: DOOR_3, label: 'Door 1', outcome: null },
                        { id: 'RG9vcjo0', label: 'Door 2', outcome: null },
                        { id: 'RG9vcjo1', label: 'Door 3', outcome: null },
                      ],
                    },
                    errors: [],
                  },
                },
              },
      },
    });
    renderApp(`/shares/${SHARE_ID}`);
    const target = (await screen.findAllByTestId('building')).find((b) => b.getAttribute('data-building-id') === building)!;
    expect(within(target).getByTestId('door-count')).toHaveTextContent('Doors: not known');
    await userEvent.click(within(target).getByTestId('door-count-edit'));
    fill('door-count-input', '600');
    await userEvent.click(within(target).getByTestId('door-count-save'));
    expect(within(target).getByTestId('door-count-errors')).toHaveTextContent('A number of doors from 1 to 500.');
    expect(api.variablesOf('SetBuildingDoorCount')).toHaveLength(0);
    fill('door-count-input', '1');
    await userEvent.click(within(target).getByTestId('door-count-save'));
    expect(await within(target).findByTestId('door-count-errors')).toHaveTextContent('Some doors of this building are already reported');
    fill('door-count-input', '3');
    await userEvent.click(within(target).getByTestId('door-count-save'));
    await waitFor(() => expect(within(target).getAllByTestId('door')).toHaveLength(3));
    expect(within(target).getByTestId('door-count')).toHaveTextContent('Doors: 3');
    expect(api.variablesOf('SetBuildingDoorCount')[1]).toEqual({ actionId: ACTION_ID, buildingId: building, count: 3 });
    expect(screen.getByTestId('walk-progress')).toHaveTextContent('1 of 5 doors reported');
  });

  it('does not offer door counts offline', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: viewerAnswer, TurfShare: () => ({ data: { turfShare: walkList() } }) } });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    renderApp(`/shares/${SHARE_ID}`);
    const edits = await screen.findAllByTestId('door-count-edit');
    for (const edit of edits) expect(edit).toBeDisabled();
    vi.restoreAllMocks();
  });
});
