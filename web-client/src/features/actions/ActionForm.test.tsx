import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { ACTION_ID, actionDetails } from '../../test/actionFixtures';
import { BREST, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

// jsdom has no WebGL: a tap on the map is a button here.
vi.mock('./PointPicker', () => ({
  default: ({ onChange, seat }: { onChange: (p: { latitude: number; longitude: number }) => void; seat: unknown }) => (
    <button type="button" data-testid="point-picker" data-seat={JSON.stringify(seat)} onClick={() => onChange({ latitude: 48.3905, longitude: -4.4862 })}>
      map
    </button>
  ),
}));

// Each tap on the turf map adds the next corner of a square around Place Vauban.
const CORNERS = [
  { latitude: 48.39, longitude: -4.49 },
  { latitude: 48.39, longitude: -4.48 },
  { latitude: 48.4, longitude: -4.48 },
  { latitude: 48.4, longitude: -4.49 },
];
vi.mock('./TurfAreaPicker', () => ({
  default: ({ onAdd, points }: { onAdd: (p: { latitude: number; longitude: number }) => void; points: readonly unknown[] }) => (
    <button type="button" data-testid="turf-picker" onClick={() => onAdd(CORNERS[points.length % CORNERS.length]!)}>
      turf map
    </button>
  ),
}));
const SQUARE_JSON = '{"type":"Polygon","coordinates":[[[-4.49,48.39],[-4.48,48.39],[-4.48,48.4],[-4.49,48.4],[-4.49,48.39]]]}';

const SECTION = {
  data: {
    section: {
      id: BREST.id,
      name: BREST.name,
      seatAddress: '3 rue de Siam',
      seatLocation: { latitude: 48.39, longitude: -4.49 },
      viewerPermissions: ['MANAGE_ACTIONS'],
    },
  },
};

function api(create: () => GraphQLAnswer) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      ActionSection: () => SECTION,
      CreateAction: create,
      Action: () => ({ data: { action: actionDetails({ viewerManages: true }) } }),
      ActionParticipants: () => ({ data: { action: { id: ACTION_ID, participants: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, items: [] } } } }),
      ElectoralSilences: () => ({ data: { electoralSilences: [] } }),
    },
  });
}

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function fillValidForm() {
  await screen.findByTestId('action-form');
  await userEvent.selectOptions(screen.getByTestId('action-field-kind'), 'DOOR_TO_DOOR');
  fill('action-field-title', 'Porte-à-porte à Recouvrance');
  fill('action-field-startsAt', '2026-12-05T10:00');
  fill('action-field-meetingAddress', 'Place Vauban');
  await userEvent.click(await screen.findByTestId('point-picker'));
  fill('action-field-attendanceTarget', '6');
  fill('action-field-capacity', '12');
  fill('action-field-turfStationIds', '29019_12, 29019_99');
}

describe('creating an action', () => {
  it('checks the form first, with each error next to its field', async () => {
    signInAs();
    const mock = api(() => ({ data: { createAction: { action: null, errors: [] } } }));
    renderApp(`/sections/${BREST.id}/actions/new`);
    await screen.findByTestId('action-form');
    // the meeting-point map starts at the section's seat
    expect(await screen.findByTestId('point-picker')).toHaveAttribute('data-seat', JSON.stringify({ latitude: 48.39, longitude: -4.49 }));
    await userEvent.click(screen.getByTestId('action-form-submit'));

    expect(await screen.findByTestId('action-form-errors-title')).toHaveTextContent('Required.');
    expect(screen.getByTestId('action-field-title')).toHaveAccessibleDescription('Required.');
    expect(screen.getByTestId('action-form-errors-meetingPoint')).toHaveTextContent('Tap the map to place the meeting point.');
    expect(screen.getByTestId('action-form-errors-startsAt')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('action-field-title')).toHaveFocus());
    expect(mock.variablesOf('CreateAction')).toHaveLength(0);
  });

  it('sends the times with the zone’s offset, then shows the API’s field errors next to their fields', async () => {
    signInAs();
    const mock = api(() => ({
      data: {
        createAction: {
          action: null,
          errors: [
            { __typename: 'ValidationError', code: 'STATION_NOT_FOUND', message: 'There is no polling station 29019_99.', field: 'action.turfStationIds.1' },
            { __typename: 'ValidationError', code: 'MEETING_POINT_OUTSIDE_FEDERATION', message: 'outside', field: 'action.meetingPoint' },
            { __typename: 'ValidationError', code: 'ENDS_BEFORE_START', message: 'end', field: 'action.endsAt' },
            { __typename: 'DomainError', code: 'ELECTORAL_SILENCE', message: 'Electoral silence (Législatives) until 2026-12-06 18:00 UTC' },
          ],
        },
      },
    }));
    renderApp(`/sections/${BREST.id}/actions/new`);
    await fillValidForm();
    // the end follows the start, two hours later
    expect(screen.getByTestId('action-field-endsAt')).toHaveValue('2026-12-05T12:00');
    await userEvent.click(screen.getByTestId('action-field-publish'));
    await userEvent.click(screen.getByTestId('action-form-submit'));

    await waitFor(() => expect(mock.variablesOf('CreateAction')).toHaveLength(1));
    expect(mock.variablesOf('CreateAction')[0]).toEqual({
      input: {
        sectionId: BREST.id,
        publish: true,
        action: {
          kind: 'DOOR_TO_DOOR',
          title: 'Porte-à-porte à Recouvrance',
          description: null,
          startsAt: '2026-12-05T10:00:00+01:00',
          endsAt: '2026-12-05T12:00:00+01:00',
          timeZone: 'Europe/Paris',
          meetingAddress: 'Place Vauban',
          meetingPoint: { latitude: 48.3905, longitude: -4.4862 },
          attendanceTarget: 6,
          capacity: 12,
          visibility: 'SECTION',
          turfStationIds: ['29019_12', '29019_99'],
          communeCode: null,
        },
      },
    });
    expect(await screen.findByTestId('action-form-errors-turfStationIds')).toHaveTextContent('There is no such polling station.');
    expect(screen.getByTestId('action-form-station-names')).toHaveTextContent('Station 29019_99');
    expect(screen.getByTestId('action-form-errors-meetingPoint')).toHaveTextContent("outside the section's federation");
    expect(screen.getByTestId('action-form-errors-endsAt')).toHaveTextContent('The end must come after the start.');
    expect(screen.getByTestId('action-field-endsAt')).toHaveAttribute('aria-invalid', 'true');
    const general = screen.getByTestId('action-form-errors');
    expect(within(general).getByText(/Electoral silence/)).toHaveAttribute('data-code', 'ELECTORAL_SILENCE');
  });

  it('opens the new action once created, and reads the times in another zone', async () => {
    signInAs();
    const mock = api(() => ({ data: { createAction: { action: actionDetails({ viewerManages: true }), errors: [] } } }));
    renderApp(`/sections/${BREST.id}/actions/new`);
    await fillValidForm();
    await userEvent.selectOptions(screen.getByTestId('action-field-timeZone'), 'America/Cayenne');
    await userEvent.click(screen.getByTestId('action-form-submit'));
    await screen.findByTestId('action-page');
    expect(screen.getByTestId('location')).toHaveTextContent(`/actions/${encodeURIComponent(ACTION_ID)}`);
    expect(mock.variablesOf('CreateAction')[0]).toMatchObject({
      input: { publish: false, action: { startsAt: '2026-12-05T10:00:00-03:00', timeZone: 'America/Cayenne' } },
    });
  });
});

describe('the turf drawn on the map', () => {
  it('sends the polygon of the points tapped, closed, after undo; says when there are too few; shows the API’s errors', async () => {
    signInAs();
    const mock = api(() => ({
      data: { createAction: { action: null, errors: [{ __typename: 'ValidationError', code: 'TURF_TOO_LARGE', message: 'large', field: 'action.turfArea' }] } },
    }));
    renderApp(`/sections/${BREST.id}/actions/new`);
    await fillValidForm();
    expect(screen.queryByTestId('turf-picker')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('action-turf-open'));
    const map = await screen.findByTestId('turf-picker');
    expect(screen.getByTestId('action-field-turfArea')).toHaveTextContent('No turf drawn.');
    expect(screen.getByTestId('action-turf-undo')).toBeDisabled();
    await userEvent.click(map);
    await userEvent.click(map);
    expect(screen.getByTestId('action-field-turfArea')).toHaveTextContent('2 points. A polygon needs at least three points.');

    await userEvent.click(screen.getByTestId('action-form-submit'));
    expect(await screen.findByTestId('action-form-errors-turfArea')).toHaveTextContent('Tap at least three points');
    await waitFor(() => expect(screen.getByTestId('action-field-turfArea')).toHaveFocus());
    expect(mock.variablesOf('CreateAction')).toHaveLength(0);

    // a third corner, a wrong fourth taken back, the fourth again
    await userEvent.click(map);
    await userEvent.click(map);
    await userEvent.click(screen.getByTestId('action-turf-undo'));
    expect(screen.getByTestId('action-field-turfArea')).toHaveTextContent('3 points.');
    await userEvent.click(map);
    await userEvent.click(screen.getByTestId('action-form-submit'));

    await waitFor(() => expect(mock.variablesOf('CreateAction')).toHaveLength(1));
    const sent = (mock.variablesOf('CreateAction')[0] as { input: { action: { turfArea: string } } }).input.action.turfArea;
    expect(sent).toBe(SQUARE_JSON);
    expect(await screen.findByTestId('action-form-errors-turfArea')).toHaveTextContent('The turf is too large to be walked');
    expect(screen.getByTestId('action-field-turfArea')).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the turf of the action edited; leaves it out unchanged, sends "" once cleared', async () => {
    signInAs();
    const mock = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        ActionForEdit: () => ({
          data: {
            action: actionDetails({
              viewerManages: true,
              kind: 'DOOR_TO_DOOR',
              meetingAddress: 'Place Vauban',
              meetingPoint: { latitude: 48.3905, longitude: -4.4862 },
              turfArea: SQUARE_JSON,
              campaign: null,
              questions: [],
            }),
          },
        }),
        UpdateAction: () => ({ data: { updateAction: { action: null, errors: [{ __typename: 'DomainError', code: 'CONCURRENT_CHANGE', message: 'x' }] } } }),
      },
    });
    renderApp(`/actions/${ACTION_ID}/edit`);
    await screen.findByTestId('action-form');
    expect(await screen.findByTestId('turf-picker')).toBeInTheDocument();
    expect(screen.getByTestId('action-field-turfArea')).toHaveTextContent('4 points.');

    await userEvent.click(screen.getByTestId('action-form-submit'));
    await waitFor(() => expect(mock.variablesOf('UpdateAction')).toHaveLength(1));
    expect(mock.variablesOf('UpdateAction')[0]).toMatchObject({ input: { actionId: ACTION_ID } });
    expect((mock.variablesOf('UpdateAction')[0] as { input: { action: object } }).input.action).not.toHaveProperty('turfArea');

    await userEvent.click(screen.getByTestId('action-turf-clear'));
    expect(screen.getByTestId('action-field-turfArea')).toHaveTextContent('No turf drawn.');
    await userEvent.click(screen.getByTestId('action-form-submit'));
    await waitFor(() => expect(mock.variablesOf('UpdateAction')).toHaveLength(2));
    expect(mock.variablesOf('UpdateAction')[1]).toMatchObject({ input: { action: { turfArea: '' } } });
  });
});

describe('a section’s actions', () => {
  it('filters by status in the URL, and offers a new action to managers', async () => {
    signInAs();
    const mock = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        SectionActions: (v) => ({
          data: {
            section: { id: BREST.id, name: BREST.name, viewerPermissions: ['MANAGE_ACTIONS'] },
            actions: { pageInfo: { hasNextPage: false, endCursor: null }, items: v.status === 'DRAFT' ? [actionDetails({ status: 'DRAFT' })] : [] },
          },
        }),
      },
    });
    renderApp(`/sections/${BREST.id}/actions`);
    expect(await screen.findByTestId('actions-empty')).toBeInTheDocument();
    expect(screen.getByTestId('action-new')).toHaveAttribute('href', `/sections/${encodeURIComponent(BREST.id)}/actions/new`);
    await userEvent.selectOptions(screen.getByTestId('actions-status-filter'), 'DRAFT');
    expect(await screen.findByTestId('action-status')).toHaveTextContent('Draft');
    expect(screen.getByTestId('location')).toHaveTextContent('status=DRAFT');
    expect(mock.variablesOf('SectionActions').at(-1)).toEqual({ sectionId: BREST.id, status: 'DRAFT', upcomingOnly: true, first: 25, after: null });
  });
});
