import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { ACTION_ID, actionDetails, participant } from '../../test/actionFixtures';
import { viewerAnswer, WORDINGS } from '../../test/fixtures';
import { renderApp } from '../../test/render';

vi.mock('./ActionsMap', () => ({ default: () => <div data-testid="actions-map" /> }));

const actionAnswer = (overrides: Record<string, unknown> = {}): GraphQLAnswer => ({ data: { action: actionDetails(overrides) } });

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('joining an action without an account', () => {
  it('sends the consent and the place searched from, then says only that a confirmation link went to the email', async () => {
    const full = actionDetails({ attendance: { confirmed: 10, waiting: 2, checkedIn: 0, target: 8, capacity: 10, placesLeft: 0 } });
    const api = mockApi({
      graphql: {
        NearbyActions: () => ({
          data: {
            nearbyActions: {
              place: { label: 'Brest (29)', communeCode: '29019', point: { latitude: 48.39, longitude: -4.486 } },
              actions: { pageInfo: { hasNextPage: false, endCursor: null }, items: [{ distanceMeters: 800, action: full }] },
            },
          },
        }),
        Action: () => ({ data: { action: full } }),
        ConsentWordings: () => WORDINGS,
        JoinActionAsVisitor: () => ({
          data: {
            joinActionAsVisitor: {
              // nothing is created or counted before the link is followed
              joined: { confirmationSentTo: 'EMAIL', status: null, action: full },
              errors: [],
            },
          },
        }),
      },
    });
    renderApp('/actions?place=Brest');
    await userEvent.click(await screen.findByTestId('action-link'));

    expect(await screen.findByTestId('action-title')).toHaveTextContent('Tractage au marché de Saint-Louis');
    expect(screen.getByTestId('meeting-hidden')).toHaveTextContent('The exact meeting point is given once you join.');
    expect(screen.getByTestId('attendance-capacity')).toHaveTextContent('Full (10 places)');
    expect(screen.getByTestId('attendance-waiting')).toHaveTextContent('2 on the waiting list');
    const form = screen.getByTestId('visitor-join');
    await waitFor(() => expect(within(form).getByTestId('visitor-join-submit')).toBeEnabled());
    expect(within(form).getByTestId('visitor-join-submit')).toHaveTextContent('Join the waiting list');

    fill('visitor-join-firstName', ' Yann ');
    fill('visitor-join-lastName', 'Le Goff');
    fill('visitor-join-email', 'yann@example.org');
    // no SMS consent is asked without a phone; with one, it is
    expect(screen.queryByTestId('visitor-join-consent-ACTIONS-SMS')).not.toBeInTheDocument();
    fill('visitor-join-phone', '06 12 34 56 78');
    expect(screen.getByLabelText(/Invite me by email/)).toBe(screen.getByTestId('visitor-join-consent-ACTIONS-EMAIL'));
    await userEvent.click(screen.getByTestId('visitor-join-consent-ACTIONS-EMAIL'));
    await userEvent.click(screen.getByTestId('visitor-join-consent-ACTIONS-SMS'));
    await userEvent.click(screen.getByTestId('visitor-join-submit'));

    const sent = await screen.findByTestId('visitor-check-inbox');
    expect(sent).toHaveAttribute('data-channel', 'EMAIL');
    expect(sent).toHaveTextContent('We sent a confirmation link to your email.');
    expect(sent).toHaveTextContent('Open it within 48 hours to confirm your place.');
    // never a place nor the waiting list at this point: the answer is the same whoever the contact is
    expect(sent).not.toHaveTextContent(/waiting list|you're in/i);
    expect(screen.queryByTestId('visitor-joined')).not.toBeInTheDocument();
    expect(screen.queryByTestId('visitor-join')).not.toBeInTheDocument();
    expect(api.variablesOf('JoinActionAsVisitor')[0]).toEqual({
      input: {
        actionId: full.id,
        firstName: 'Yann',
        lastName: 'Le Goff',
        email: 'yann@example.org',
        phone: '06 12 34 56 78',
        consentEmail: true,
        consentSms: true,
        near: { place: 'Brest' },
      },
    });
    expect(screen.getByTestId('attendance-waiting')).toHaveTextContent('2 on the waiting list');
  });

  it('asks for the consent before sending, next to its box', async () => {
    const api = mockApi({ graphql: { Action: () => actionAnswer(), ConsentWordings: () => WORDINGS } });
    renderApp(`/actions/${ACTION_ID}`);
    await waitFor(() => expect(screen.getByTestId('visitor-join-submit')).toBeEnabled());
    fill('visitor-join-firstName', 'Yann');
    fill('visitor-join-lastName', 'Le Goff');
    fill('visitor-join-email', 'yann@example.org');
    await userEvent.click(screen.getByTestId('visitor-join-submit'));
    const errors = await screen.findByTestId('visitor-join-errors-consentEmail');
    expect(errors).toHaveTextContent('we need your agreement');
    expect(screen.getByTestId('visitor-join-consent-ACTIONS-EMAIL')).toHaveAccessibleDescription(/we need your agreement/);
    expect(api.variablesOf('JoinActionAsVisitor')).toHaveLength(0);
  });

  it('takes a mobile number instead of an email, with the SMS consent only', async () => {
    const api = mockApi({
      graphql: {
        Action: () => actionAnswer(),
        ConsentWordings: () => WORDINGS,
        JoinActionAsVisitor: () => ({
          data: { joinActionAsVisitor: { joined: { confirmationSentTo: 'SMS', status: null, action: actionDetails() }, errors: [] } },
        }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    await waitFor(() => expect(screen.getByTestId('visitor-join-submit')).toBeEnabled());
    fill('visitor-join-firstName', 'Yann');
    fill('visitor-join-lastName', 'Le Goff');
    await userEvent.click(screen.getByTestId('visitor-join-submit'));
    expect(await screen.findByTestId('visitor-join-errors-email')).toHaveTextContent('Give an email or a mobile number');

    fill('visitor-join-phone', '0612345678');
    expect(screen.queryByTestId('visitor-join-consent-ACTIONS-EMAIL')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('visitor-join-consent-ACTIONS-SMS'));
    await userEvent.click(screen.getByTestId('visitor-join-submit'));
    const sent = await screen.findByTestId('visitor-check-inbox');
    expect(sent).toHaveAttribute('data-channel', 'SMS');
    expect(sent).toHaveTextContent('We sent a confirmation link by SMS to your phone.');
    expect(sent).toHaveTextContent('Open it within 48 hours to confirm your place.');
    expect(sent).not.toHaveTextContent(/waiting list|you're in/i);
    expect(api.variablesOf('JoinActionAsVisitor')[0]).toMatchObject({
      input: { email: null, phone: '0612345678', consentEmail: false, consentSms: true, near: null },
    });
  });

  it('says in French where the link went', async () => {
    mockApi({
      graphql: {
        Action: () => actionAnswer(),
        ConsentWordings: () => WORDINGS,
        JoinActionAsVisitor: () => ({
          data: { joinActionAsVisitor: { joined: { confirmationSentTo: 'EMAIL', status: null, action: actionDetails() }, errors: [] } },
        }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    await userEvent.click(screen.getByTestId('lang-fr'));
    await waitFor(() => expect(screen.getByTestId('visitor-join-submit')).toBeEnabled());
    fill('visitor-join-firstName', 'Yann');
    fill('visitor-join-lastName', 'Le Goff');
    fill('visitor-join-email', 'yann@example.org');
    await userEvent.click(screen.getByTestId('visitor-join-consent-ACTIONS-EMAIL'));
    await userEvent.click(screen.getByTestId('visitor-join-submit'));
    const sent = await screen.findByTestId('visitor-check-inbox');
    expect(sent).toHaveTextContent('Nous avons envoyé un lien de confirmation à votre adresse e-mail.');
    expect(sent).toHaveTextContent('Ouvrez-le dans les 48 heures pour confirmer votre place.');
  });

  it('says when too many sign-ups came from this connection', async () => {
    mockApi({
      graphql: {
        Action: () => actionAnswer(),
        ConsentWordings: () => WORDINGS,
        JoinActionAsVisitor: () => ({
          data: { joinActionAsVisitor: { joined: null, errors: [{ code: 'RATE_LIMITED', field: null, message: 'Too many sign-ups from here.' }] } },
        }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    await waitFor(() => expect(screen.getByTestId('visitor-join-submit')).toBeEnabled());
    fill('visitor-join-firstName', 'Yann');
    fill('visitor-join-lastName', 'Le Goff');
    fill('visitor-join-email', 'yann@example.org');
    await userEvent.click(screen.getByTestId('visitor-join-consent-ACTIONS-EMAIL'));
    await userEvent.click(screen.getByTestId('visitor-join-submit'));
    const errors = await screen.findByTestId('visitor-join-errors');
    expect(errors).toHaveTextContent('Too many sign-ups from this connection: try again in 10 minutes.');
    expect(screen.queryByTestId('visitor-check-inbox')).not.toBeInTheDocument();
  });
});

describe('an action for those signed in', () => {
  it('joins, and shows the waiting list when the action is full', async () => {
    signInAs();
    const api = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => actionAnswer({ attendance: { confirmed: 10, waiting: 0, checkedIn: 0, target: 8, capacity: 10, placesLeft: 0 } }),
        JoinAction: () => ({ data: { joinAction: { action: actionDetails({ viewerParticipation: 'WAITING' }), errors: [] } } }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    await userEvent.click(await screen.findByTestId('action-join'));
    expect(await screen.findByTestId('participation-waiting')).toHaveTextContent('You are on the waiting list');
    expect(api.variablesOf('JoinAction')[0]).toEqual({ actionId: ACTION_ID });
    expect(screen.getByTestId('action-leave')).toHaveTextContent('Leave the waiting list');
    expect(screen.queryByTestId('visitor-join')).not.toBeInTheDocument();
  });

  it('shows the API’s refusal by its code', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => actionAnswer(),
        JoinAction: () => ({ data: { joinAction: { action: null, errors: [{ __typename: 'DomainError', code: 'ACTION_FULL', message: 'full' }] } } }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    await userEvent.click(await screen.findByTestId('action-join'));
    const errors = await screen.findByTestId('participation-errors');
    expect(within(errors).getByText('This action is full and its waiting list is closed.')).toHaveAttribute('data-code', 'ACTION_FULL');
  });
});

describe('running an action', () => {
  function organizerApi(extra: Record<string, () => GraphQLAnswer> = {}) {
    return mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () =>
          actionAnswer({
            viewerManages: true,
            meetingAddress: 'Halles Saint-Louis, Brest',
            meetingPoint: { latitude: 48.3905, longitude: -4.4862 },
            notices: [{ kind: 'REMINDER', status: 'HELD', subject: 'Demain : tractage', heldReason: 'Electoral silence', createdAt: '2026-11-01T10:00:00Z' }],
          }),
        ActionParticipants: () => ({
          data: {
            action: {
              id: ACTION_ID,
              participants: {
                totalCount: 2,
                pageInfo: { hasNextPage: false, endCursor: null },
                items: [participant(1), participant(2, { status: 'WAITING' })],
              },
            },
          },
        }),
        ElectoralSilences: () => ({ data: { electoralSilences: [] } }),
        ...extra,
      },
    });
  }

  it('lists the participants with a check-in toggle that calls the mutation', async () => {
    signInAs();
    const checkedIn = { ...participant(2), status: 'CONFIRMED', checkedInAt: new Date().toISOString() };
    const api = organizerApi({ CheckInParticipant: () => ({ data: { checkInParticipant: { participant: checkedIn, errors: [] } } }) });
    renderApp(`/actions/${ACTION_ID}`);

    expect(await screen.findByTestId('meeting-place')).toHaveTextContent('Halles Saint-Louis, Brest');
    const rows = await screen.findAllByTestId('participant');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByTestId('participant-tel')).toHaveAttribute('href', 'tel:+33612345678');
    const toggle = within(rows[1]!).getByTestId('check-in');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(toggle).toHaveAccessibleName('Participant 2 is here');

    await userEvent.click(toggle);
    await waitFor(() => expect(within(screen.getAllByTestId('participant')[1]!).getByTestId('check-in')).toHaveAttribute('aria-pressed', 'true'));
    expect(api.variablesOf('CheckInParticipant')[0]).toEqual({
      input: { actionId: ACTION_ID, participantId: participant(2).id, checkedIn: true },
    });
    expect(screen.getAllByTestId('participant')[1]).toHaveAttribute('data-status', 'CONFIRMED');
    // the counts are read again
    await waitFor(() => expect(api.variablesOf('Action').length).toBeGreaterThan(1));
    expect(screen.getByTestId('notice')).toHaveTextContent('Held back — Electoral silence');
  });

  it('offers only what the status allows, and cancels with a reason after confirmation', async () => {
    signInAs();
    const api = organizerApi({
      CancelAction: () => ({
        data: { cancelAction: { action: actionDetails({ viewerManages: true, status: 'CANCELLED', cancelReason: 'Tempête' }), errors: [] } },
      }),
    });
    renderApp(`/actions/${ACTION_ID}`);
    await screen.findByTestId('manage-action');
    // published and not started: no publish, no "done" yet
    expect(screen.queryByTestId('action-publish')).not.toBeInTheDocument();
    expect(screen.queryByTestId('action-complete')).not.toBeInTheDocument();
    expect(screen.getByTestId('action-edit')).toHaveAttribute('href', `/actions/${encodeURIComponent(ACTION_ID)}/edit`);

    await userEvent.click(screen.getByTestId('action-cancel'));
    const dialog = screen.getByTestId('cancel-dialog');
    expect(dialog).toHaveTextContent('The 4 people taking part or waiting will be told');
    fill('cancel-reason', 'Tempête');
    await userEvent.click(within(dialog).getByTestId('cancel-dialog-confirm'));
    expect(await screen.findByTestId('action-cancelled')).toHaveTextContent('This action was cancelled: Tempête');
    expect(api.variablesOf('CancelAction')[0]).toEqual({ input: { actionId: ACTION_ID, reason: 'Tempête' } });
    expect(screen.queryByTestId('cancel-dialog')).not.toBeInTheDocument();
    expect(screen.queryByTestId('action-cancel')).not.toBeInTheDocument();
  });

  it('does not offer to publish a draft during an electoral silence', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        Action: () => actionAnswer({ viewerManages: true, status: 'DRAFT' }),
        ActionParticipants: () => ({ data: { action: { id: ACTION_ID, participants: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, items: [] } } } }),
        ElectoralSilences: () => ({
          data: {
            electoralSilences: [
              { id: 's', name: 'Législatives', scope: '29', startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() },
            ],
          },
        }),
      },
    });
    renderApp(`/actions/${ACTION_ID}`);
    expect(await screen.findByTestId('silence-notice')).toHaveTextContent('Electoral silence (Législatives)');
    expect(screen.queryByTestId('action-publish')).not.toBeInTheDocument();
    expect(screen.getByTestId('action-status')).toHaveTextContent('Draft');
  });
});
