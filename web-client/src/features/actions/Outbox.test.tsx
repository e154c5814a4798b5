import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { ACTION_ID } from '../../test/actionFixtures';
import { nationalGrant, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { forgetConfirmations } from './ConfirmSignupPage';
import { appLink } from './OutboxPage';

const national = () => viewerAnswer({ grants: [nationalGrant] });

const notices = [
  {
    kind: 'REMINDER',
    status: 'HELD',
    heldReason: 'Electoral silence until 20:00',
    subject: 'Reminder: Tractage au marché',
    recipient: 'yann@example.org',
    body: null,
    createdAt: '2026-11-29T08:00:00Z',
  },
  {
    kind: 'CONFIRM_SIGNUP',
    status: 'QUEUED',
    heldReason: null,
    subject: 'Confirm your place: Tractage au marché',
    recipient: 'new.person@example.org',
    body: '/actions/confirm?token=abc-123',
    createdAt: '2026-11-30T09:00:00Z',
  },
];

afterEach(() => forgetConfirmations());

describe('the outbox', () => {
  it('lists what actions would send, newest first, and follows a visitor’s confirmation link', async () => {
    signInAs();
    const api = mockApi({
      graphql: {
        Viewer: national,
        ActionOutbox: () => ({ data: { actionOutbox: notices } }),
        ConfirmVisitorSignup: () => ({
          data: {
            confirmVisitorSignup: {
              joined: {
                confirmationSentTo: 'EMAIL',
                status: 'CONFIRMED',
                action: { id: ACTION_ID, title: 'Tractage au marché', status: 'PUBLISHED', startsAt: '2026-12-05T09:00:00Z', endsAt: '2026-12-05T11:00:00Z', timeZone: 'Europe/Paris' },
              },
              errors: [],
            },
          },
        }),
      },
    });
    renderApp('/outbox');
    expect(await screen.findByTestId('nav-outbox')).toHaveAttribute('href', '/outbox');
    expect(screen.getByTestId('outbox-explain')).toHaveTextContent('sent through the mail and SMS providers when they are configured');
    const messages = await screen.findAllByTestId('outbox-message');
    expect(messages.map((m) => m.getAttribute('data-kind'))).toEqual(['CONFIRM_SIGNUP', 'REMINDER']);
    const [confirm, reminder] = messages;
    expect(within(confirm!).getByTestId('outbox-subject')).toHaveTextContent('Confirm your place: Tractage au marché');
    expect(within(confirm!).getByTestId('outbox-recipient')).toHaveTextContent('To: new.person@example.org');
    expect(within(confirm!).getByTestId('outbox-status')).toHaveTextContent('To be sent');
    expect(confirm).toHaveTextContent('Sign-up confirmation');
    expect(within(confirm!).getByTestId('outbox-time')).toHaveAttribute('dateTime', '2026-11-30T09:00:00Z');
    expect(within(reminder!).getByTestId('outbox-status')).toHaveAttribute('data-status', 'HELD');
    expect(within(reminder!).getByTestId('outbox-held-reason')).toHaveTextContent('Electoral silence until 20:00');
    expect(within(reminder!).queryByTestId('outbox-link')).not.toBeInTheDocument();
    expect(api.variablesOf('ActionOutbox')).toEqual([{ first: 50 }]);

    const link = within(confirm!).getByTestId('outbox-link');
    expect(link).toHaveAttribute('href', '/actions/confirm?token=abc-123');
    await userEvent.click(link);
    await userEvent.click(await screen.findByTestId('confirm-submit'));
    expect(await screen.findByTestId('confirm-result')).toHaveAttribute('data-status', 'CONFIRMED');
    expect(api.variablesOf('ConfirmVisitorSignup')).toEqual([{ token: 'abc-123' }]);
  });

  it('is not offered beyond the national team, and says so when opened', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: () => viewerAnswer(),
        ActionOutbox: () => ({ data: null, errors: [{ message: 'Forbidden', path: ['actionOutbox'], extensions: { code: 'FORBIDDEN' } }] }),
      },
    });
    renderApp('/outbox');
    expect(await screen.findByTestId('outbox-forbidden')).toHaveTextContent('The outbox is for the national team.');
    await screen.findByTestId('viewer-name');
    expect(screen.queryByTestId('nav-outbox')).not.toBeInTheDocument();
  });

  it('links only to paths of the app', () => {
    expect(appLink('/actions/confirm?token=x')).toBe('/actions/confirm?token=x');
    expect(appLink('//evil.example/x')).toBeNull();
    expect(appLink('https://evil.example/x')).toBeNull();
    expect(appLink('Hello /actions')).toBeNull();
    expect(appLink(null)).toBeNull();
  });
});
