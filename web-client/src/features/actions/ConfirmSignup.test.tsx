import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes, Providers } from '../../App';
import { mockApi, type GraphQLAnswer } from '../../test/api';
import { ACTION_ID, actionDetails } from '../../test/actionFixtures';
import { renderApp } from '../../test/render';
import { forgetConfirmations } from './ConfirmSignupPage';

vi.mock('./ActionsMap', () => ({ default: () => <div data-testid="actions-map" /> }));

const action = { id: ACTION_ID, title: 'Tractage au marché de Saint-Louis', status: 'PUBLISHED', startsAt: '2026-12-05T09:00:00Z', endsAt: '2026-12-05T11:00:00Z', timeZone: 'Europe/Paris' };

const joined = (status: 'CONFIRMED' | 'WAITING'): GraphQLAnswer => ({
  data: { confirmVisitorSignup: { joined: { confirmationSentTo: 'EMAIL', status, action }, errors: [] } },
});

const refused = (code: string): GraphQLAnswer => ({
  data: { confirmVisitorSignup: { joined: null, errors: [{ __typename: 'MutationError', code, message: 'refused' }] } },
});

afterEach(() => forgetConfirmations());

describe('the confirmation link of a visitor', () => {
  it('confirms the place when the visitor presses the button, not on load (a mail scanner opens links), once', async () => {
    const api = mockApi({ graphql: { ConfirmVisitorSignup: () => joined('CONFIRMED'), Action: () => ({ data: { action: actionDetails() } }) } });
    renderApp('/actions/confirm?token=tok-confirmed');
    const press = await screen.findByTestId('confirm-submit');
    await new Promise((r) => setTimeout(r, 20));
    expect(api.graphqlCalls('ConfirmVisitorSignup')).toHaveLength(0);
    await userEvent.click(press);
    const result = await screen.findByTestId('confirm-result');
    expect(result).toHaveAttribute('data-status', 'CONFIRMED');
    expect(result).toHaveTextContent("You're in!");
    expect(screen.getByTestId('confirm-action-title')).toHaveTextContent('Tractage au marché de Saint-Louis');
    expect(screen.getByTestId('confirm-action-when')).toHaveTextContent('2026');
    expect(api.variablesOf('ConfirmVisitorSignup')).toEqual([{ token: 'tok-confirmed' }]);
    // not the action page: the static route wins over /actions/:id
    expect(api.graphqlCalls('Action')).toHaveLength(0);

    await userEvent.click(screen.getByTestId('confirm-action-link'));
    expect(await screen.findByTestId('action-page')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/actions/${encodeURIComponent(ACTION_ID)}`);
    expect(api.graphqlCalls('ConfirmVisitorSignup')).toHaveLength(1);
  });

  it('says when the visitor is on the waiting list', async () => {
    mockApi({ graphql: { ConfirmVisitorSignup: () => joined('WAITING') } });
    renderApp('/actions/confirm?token=tok-waiting');
    await userEvent.click(await screen.findByTestId('confirm-submit'));
    const result = await screen.findByTestId('confirm-result');
    expect(result).toHaveAttribute('data-status', 'WAITING');
    expect(result).toHaveTextContent("You're on the waiting list.");
    expect(result).toHaveTextContent('you will be told if a place frees up');
    expect(result).not.toHaveTextContent("You're in");
  });

  it('explains a link expired, used or wrong (INVALID_TOKEN)', async () => {
    mockApi({ graphql: { ConfirmVisitorSignup: () => refused('INVALID_TOKEN') } });
    renderApp('/actions/confirm?token=tok-used');
    await userEvent.click(await screen.findByTestId('confirm-submit'));
    const error = await screen.findByTestId('confirm-error');
    expect(error).toHaveAttribute('data-code', 'INVALID_TOKEN');
    expect(error).toHaveTextContent('This link no longer works: it has expired (after 48 hours), was already used, or is incomplete.');
    expect(error).toHaveTextContent('Sign up again');
    expect(screen.queryByTestId('confirm-result')).not.toBeInTheDocument();
  });

  it('explains an action cancelled since', async () => {
    mockApi({ graphql: { ConfirmVisitorSignup: () => refused('ACTION_CANCELLED') } });
    renderApp('/actions/confirm?token=tok-cancelled');
    await userEvent.click(await screen.findByTestId('confirm-submit'));
    expect(await screen.findByTestId('confirm-error')).toHaveTextContent('This action was cancelled.');
  });

  it('calls the mutation once under StrictMode (a token works only once)', async () => {
    const api = mockApi({ graphql: { ConfirmVisitorSignup: () => joined('CONFIRMED') } });
    render(
      <StrictMode>
        <MemoryRouter initialEntries={['/actions/confirm?token=tok-strict']}>
          <Providers>
            <AppRoutes />
          </Providers>
        </MemoryRouter>
      </StrictMode>,
    );
    await userEvent.click(await screen.findByTestId('confirm-submit'));
    expect(await screen.findByTestId('confirm-result')).toHaveAttribute('data-status', 'CONFIRMED');
    await new Promise((r) => setTimeout(r, 20));
    expect(api.graphqlCalls('ConfirmVisitorSignup')).toHaveLength(1);
  });

  it('sends nothing without a token', async () => {
    const api = mockApi({ graphql: { ConfirmVisitorSignup: () => joined('CONFIRMED') } });
    renderApp('/actions/confirm');
    expect(await screen.findByTestId('confirm-error')).toHaveAttribute('data-code', 'INVALID_TOKEN');
    expect(api.graphqlCalls('ConfirmVisitorSignup')).toHaveLength(0);
  });

  it('offers to try again when the server could not be reached', async () => {
    let down = true;
    const api = mockApi({ graphql: { ConfirmVisitorSignup: () => (down ? { status: 502 } : joined('CONFIRMED')) } });
    renderApp('/actions/confirm?token=tok-retry');
    await userEvent.click(await screen.findByTestId('confirm-submit'));
    const retry = await screen.findByTestId('confirm-retry');
    expect(screen.getByTestId('confirm-error')).toHaveAttribute('data-code', 'HTTP');
    down = false;
    await userEvent.click(retry);
    expect(await screen.findByTestId('confirm-result')).toHaveAttribute('data-status', 'CONFIRMED');
    expect(api.graphqlCalls('ConfirmVisitorSignup')).toHaveLength(2);
  });
});
