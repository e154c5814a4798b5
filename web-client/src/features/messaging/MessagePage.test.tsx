import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLHandler } from '../../test/api';
import { BREST, viewerAnswer } from '../../test/fixtures';
import { message, MESSAGE_ID, messagingSection, outboxEntry, preview } from '../../test/messagingFixtures';
import { actAsPhone, renderApp } from '../../test/render';

function outbox(rows: unknown[], pageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null as string | null, endCursor: null as string | null }) {
  return { totalCount: rows.length, pageInfo, edges: rows.map((node) => ({ node })) };
}

const SENT = message({
  status: 'SENT',
  sendStartedAt: '2026-11-28T10:00:00Z',
  finishedAt: '2026-11-28T10:02:00Z',
  matched: 130,
  withoutConsent: 20,
  withoutContact: 6,
  duplicates: 2,
  queued: 102,
  stats: { sent: 60, delivered: 35, failed: 4, bounced: 2, optedOut: 1, tests: 1 },
});

const ROWS = [
  outboxEntry({ recipientName: 'Anne Martin', recipient: 'anne.martin@example.org', status: 'DELIVERED', deliveredAt: '2026-11-28T10:01:00Z' }),
  outboxEntry({ recipient: '•••@•••', status: 'FAILED', note: 'The mail server refused the message (SMTP 550).', errorCode: 'SMTP_550', attempts: 3, sentAt: null }),
  outboxEntry({ recipient: 'c.martin@example.org', recipientName: 'Claire Martin', status: 'SENT', local: true }),
  outboxEntry({ recipientName: 'Anne Secrétaire', recipient: 'brest-centre@demo.coopol.fr', isTest: true }),
];

function api(handlers: Record<string, GraphQLHandler> = {}) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      MessagingSection: messagingSection,
      Message: () => ({ data: { message: { ...SENT, preview: preview(), outbox: outbox(ROWS) } } }),
      ...handlers,
    },
  });
}

describe('a message’s page', () => {
  it('shows who the segment matched, the stats by status and the outbox rows', async () => {
    signInAs();
    api();
    renderApp(`/messages/${MESSAGE_ID}`);
    expect(await screen.findByTestId('message-title')).toHaveTextContent('Réunion publique jeudi');
    expect(screen.getByTestId('message-status')).toHaveAttribute('data-status', 'SENT');
    await waitFor(() => expect(document.title).toBe('Réunion publique jeudi · Coopol'));

    expect(screen.getByTestId('message-matched')).toHaveTextContent('130');
    expect(screen.getByTestId('message-withoutConsent')).toHaveTextContent('20');
    expect(screen.getByTestId('message-withoutContact')).toHaveTextContent('6');
    expect(screen.getByTestId('message-duplicates')).toHaveTextContent('2');
    expect(screen.getByTestId('message-queued')).toHaveTextContent('102');
    // sent, delivered, failed, bounced and opted out are done: 102 of 102
    expect(screen.getByTestId('message-progress')).toHaveAttribute('data-done', '102');

    const stats = within(screen.getByTestId('message-stats'));
    const stat = (status: string) => stats.getAllByTestId('message-stat').find((s) => s.dataset.status === status)!;
    expect(stat('DELIVERED')).toHaveTextContent('Delivered35');
    expect(stat('FAILED')).toHaveTextContent('Failed4');
    expect(stat('OPTED_OUT')).toHaveTextContent('Unsubscribed1');
    expect(stat('TESTS')).toHaveTextContent('1');

    expect(screen.getByTestId('preview-frame')).toHaveAttribute('sandbox', '');

    const rows = within(screen.getByTestId('outbox-table')).getAllByTestId('outbox-row');
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByTestId('outbox-row-name')).toHaveTextContent('Anne Martin');
    expect(within(rows[0]!).getByTestId('outbox-row-delivered')).toBeInTheDocument();
    // someone whose details the viewer does not see: neither name nor address, said as such
    expect(within(rows[1]!).queryByTestId('outbox-row-name')).not.toBeInTheDocument();
    expect(within(rows[1]!).getByTestId('outbox-row-recipient')).toHaveTextContent('Hidden recipient (email)');
    expect(rows[1]).not.toHaveTextContent('•');
    expect(screen.getByTestId('outbox-hidden-note')).toHaveTextContent('A recipient whose details you do not see is hidden');
    expect(within(rows[1]!).getByTestId('outbox-row-note')).toHaveTextContent('The mail server refused the message (SMTP 550). SMTP_550');
    expect(rows[1]).toHaveTextContent('(3 tries)');
    expect(within(rows[2]!).getByTestId('outbox-row-local')).toHaveTextContent('Kept in the local outbox — no provider configured');
    expect(within(rows[3]!).getByTestId('outbox-row-test')).toBeInTheDocument();

    // nothing to cancel or edit once sent
    expect(screen.queryByTestId('message-cancel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('message-edit')).not.toBeInTheDocument();
  });

  it('says in the reader’s language why a row waits or was held, keeping a silence’s own name', async () => {
    signInAs();
    const rows = [
      outboxEntry({ recipientName: 'Anne Martin', status: 'QUEUED', note: "Quiet hours: sent from 8:00 the recipient's time", errorCode: 'QUIET_HOURS', sentAt: null }),
      outboxEntry({ recipientName: 'Paul Morvan', status: 'HELD', note: 'Electoral silence: Municipale partielle de Brest', errorCode: 'ELECTORAL_SILENCE', sentAt: null }),
    ];
    api({ Message: () => ({ data: { message: { ...SENT, preview: preview(), outbox: outbox(rows) } } }) });
    renderApp(`/messages/${MESSAGE_ID}`);
    const found = within(await screen.findByTestId('outbox-table')).getAllByTestId('outbox-row-note');
    expect(found[0]).toHaveTextContent("Waiting for 8:00 in the recipient's time zone (no SMS at night). QUIET_HOURS");
    expect(found[1]).toHaveTextContent('Held: electoral silence (Municipale partielle de Brest). ELECTORAL_SILENCE');
  });

  it('keeps the outbox filter and page in the URL, as cards on a phone', async () => {
    signInAs();
    actAsPhone();
    const mock = api({
      Message: (v) => ({
        data: {
          message: {
            ...SENT,
            preview: preview(),
            outbox: outbox(v.status ? [ROWS[1]] : ROWS, { hasNextPage: !v.status, hasPreviousPage: false, startCursor: 'c0', endCursor: 'c1' }),
          },
        },
      }),
    });
    renderApp(`/messages/${MESSAGE_ID}`);
    expect(within(await screen.findByTestId('outbox-cards')).getAllByTestId('outbox-row')).toHaveLength(4);
    await userEvent.click(screen.getByTestId('outbox-next'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/messages/${MESSAGE_ID}?after=c1`));
    await userEvent.selectOptions(screen.getByTestId('outbox-status-filter'), 'FAILED');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/messages/${MESSAGE_ID}?status=FAILED`));
    await waitFor(() => expect(within(screen.getByTestId('outbox-cards')).getAllByTestId('outbox-row')).toHaveLength(1));
    expect(mock.variablesOf('Message').at(-1)).toEqual({ id: MESSAGE_ID, status: 'FAILED', first: 25, after: null, last: null, before: null });
    expect(mock.variablesOf('Message')[1]).toMatchObject({ after: 'c1', status: null });
  });

  it('follows a message being sent every two seconds until it is over, and says why it stopped', async () => {
    signInAs();
    let reads = 0;
    const mock = api({
      Message: () => {
        reads += 1;
        const m =
          reads === 1
            ? message({ status: 'SENDING', sendStartedAt: '2026-11-28T10:00:00Z', queued: 10, stats: { sent: 2, queued: 8 } })
            : message({
                status: 'STOPPED',
                sendStartedAt: '2026-11-28T10:00:00Z',
                queued: 10,
                stopCode: 'RIGHT_REVOKED',
                stopReason: 'The person who started this job no longer holds SEND_MESSAGES where it applies.',
                stats: { sent: 4, queued: 6 },
              });
        return { data: { message: { ...m, preview: preview(), outbox: outbox([]) } } };
      },
    });
    renderApp(`/messages/${MESSAGE_ID}`);
    expect(await screen.findByTestId('message-polling')).toBeInTheDocument();
    expect(screen.getByTestId('message-progress')).toHaveAttribute('data-done', '2');
    const stopped = await screen.findByTestId('message-stopped', {}, { timeout: 3500 });
    expect(stopped).toHaveAttribute('data-code', 'RIGHT_REVOKED');
    expect(stopped).toHaveTextContent('The rights this needed were revoked in the meantime.');
    expect(screen.getByTestId('message-stop-reason')).toHaveTextContent('no longer holds SEND_MESSAGES');
    expect(screen.queryByTestId('message-polling')).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 2200));
    expect(mock.variablesOf('Message')).toHaveLength(2);
  }, 10_000);

  it('cancels a scheduled message after confirmation', async () => {
    signInAs();
    const scheduled = message({ status: 'SCHEDULED', scheduledAt: '2026-12-01T17:00:00Z' });
    const mock = api({
      Message: () => ({ data: { message: { ...scheduled, preview: preview(), outbox: outbox([]) } } }),
      CancelMessage: () => ({ data: { cancelMessage: { message: { id: MESSAGE_ID, status: 'CANCELLED' }, errors: [] } } }),
    });
    renderApp(`/messages/${MESSAGE_ID}`);
    await userEvent.click(await screen.findByTestId('message-cancel'));
    const dialog = await screen.findByTestId('cancel-message-dialog');
    expect(dialog).toHaveTextContent('it will not be sent, to anyone');
    await userEvent.click(within(dialog).getByTestId('cancel-message-dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('message-status')).toHaveAttribute('data-status', 'CANCELLED'));
    expect(mock.variablesOf('CancelMessage')).toEqual([{ messageId: MESSAGE_ID }]);
    expect(screen.queryByTestId('message-cancel')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: `Messages · ${BREST.name}` })).toHaveAttribute('href', `/messages?section=${encodeURIComponent(BREST.id)}`);
  });

  it('offers to edit a draft', async () => {
    signInAs();
    api({ Message: () => ({ data: { message: { ...message(), preview: preview(), outbox: outbox([]) } } }) });
    renderApp(`/messages/${MESSAGE_ID}`);
    expect(await screen.findByTestId('message-edit')).toHaveAttribute('href', `/messages/${MESSAGE_ID}/edit`);
    expect(screen.getByTestId('message-cancel')).toBeInTheDocument();
    expect(screen.getByTestId('outbox-empty')).toBeInTheDocument();
  });

  it('reads well at 390 px when the recipients of an SMS are hidden from the viewer', async () => {
    signInAs();
    actAsPhone();
    const sms = message({ ...SENT, channel: 'SMS', subject: null, body: 'Rendez-vous samedi. STOP au 36111' });
    api({
      Message: () => ({
        data: {
          message: {
            ...sms,
            preview: preview({ subject: null, html: null, text: 'Rendez-vous samedi. STOP au 36111' }),
            outbox: outbox([outboxEntry({ recipient: '+•• •• •• •• ••', status: 'DELIVERED' }), outboxEntry({ recipient: '+•• •• •• •• ••', isTest: false })]),
          },
        },
      }),
    });
    renderApp(`/messages/${MESSAGE_ID}`);
    const cards = within(await screen.findByTestId('outbox-cards')).getAllByTestId('outbox-row');
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(within(card).getByTestId('outbox-row-recipient')).toHaveTextContent('Hidden recipient (mobile)');
      expect(within(card).getByTestId('outbox-row-recipient')).toHaveAttribute('data-hidden');
    }
    expect(screen.getAllByTestId('outbox-hidden-note')).toHaveLength(1);
  });
});
