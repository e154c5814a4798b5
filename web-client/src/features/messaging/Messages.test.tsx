import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { mockApi, signInAs, type GraphQLHandler } from '../../test/api';
import { BREST, secretaryGrant, viewerAnswer } from '../../test/fixtures';
import { message, MESSAGE_ID, messagingSection, PAGE_INFO } from '../../test/messagingFixtures';
import { actAsPhone, renderApp } from '../../test/render';

const FEDERATION_GRANT = {
  id: 'Um9sZUdyYW50OjI=',
  role: 'FEDERATION_SECRETARY',
  level: 'FEDERATION',
  permissions: ['SEND_MESSAGES', 'VIEW_PEOPLE'],
  section: null,
  federation: { code: '29', name: 'Finistère' },
};

function messagesAnswer(items = [message({ status: 'SENT', stats: { sent: 10, delivered: 80, failed: 3 } }), message({ id: 'TWVzc2FnZToy', channel: 'SMS', subject: null, body: 'Rendez-vous samedi 10 h au marché de Saint-Louis pour tracter ensemble. STOP au 36111' })]) {
  return { data: { messages: { pageInfo: { ...PAGE_INFO, hasNextPage: true, endCursor: 'm2' }, items } } };
}

function api(handlers: Record<string, GraphQLHandler> = {}, viewer = viewerAnswer()) {
  return mockApi({
    graphql: {
      Viewer: () => viewer,
      MessagingSection: messagingSection,
      Messages: () => messagesAnswer(),
      ...handlers,
    },
  });
}

describe('messages', () => {
  it('offers messaging in the header to those who send messages somewhere, and to nobody else', async () => {
    signInAs();
    api();
    renderApp('/messages');
    expect(await screen.findByTestId('nav-messages')).toHaveAttribute('href', '/messages');
  });

  it('hides the messaging link from those without SEND_MESSAGES', async () => {
    signInAs();
    const mock = api({}, viewerAnswer({ grants: [{ ...secretaryGrant, permissions: ['VIEW_PEOPLE', 'MANAGE_ACTIONS'] }] }));
    renderApp('/messages');
    expect(await screen.findByTestId('messaging-forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-messages')).not.toBeInTheDocument();
    expect(mock.variablesOf('Messages')).toHaveLength(0);
  });

  it('lists the section’s messages, newest first, as cards on a phone, with links to write one', async () => {
    signInAs();
    actAsPhone();
    const mock = api();
    renderApp('/messages');
    const cards = await screen.findByTestId('messages-cards');
    const [newsletter, sms] = within(cards).getAllByTestId('message-row');
    expect(within(newsletter!).getByTestId('message-link')).toHaveTextContent('Réunion publique jeudi');
    expect(within(newsletter!).getByTestId('message-status')).toHaveTextContent('Sent');
    expect(within(newsletter!).getByTestId('message-counts')).toHaveTextContent('10 sent · 80 delivered · 3 failed');
    // an SMS has no subject: its first words
    expect(within(sms!).getByTestId('message-link')).toHaveTextContent(/^Rendez-vous samedi 10 h au marché de Saint-Louis pour tracter ensemble\.…?/);
    expect(within(sms!).getByTestId('message-channel')).toHaveTextContent('SMS');
    expect(within(sms!).queryByTestId('message-counts')).not.toBeInTheDocument();
    expect(within(newsletter!).getByTestId('message-link')).toHaveAttribute('href', `/messages/${MESSAGE_ID}`);

    // the viewer's own section by default
    expect(mock.variablesOf('Messages')[0]).toMatchObject({ sectionId: BREST.id, federationCode: null, first: 20, after: null });
    await waitFor(() => expect(document.title).toBe(`Messages · ${BREST.name} · Coopol`));
    expect(screen.getByTestId('new-newsletter')).toHaveAttribute('href', `/messages/new?section=${encodeURIComponent(BREST.id)}&channel=EMAIL`);
    expect(screen.getByTestId('new-sms')).toHaveAttribute('href', `/messages/new?section=${encodeURIComponent(BREST.id)}&channel=SMS`);
    expect(screen.getByTestId('messaging-link-segments')).toHaveAttribute('href', `/messages/segments?section=${encodeURIComponent(BREST.id)}`);

    await userEvent.click(screen.getByTestId('messages-next'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/messages?after=m2'));
    expect(mock.variablesOf('Messages').at(-1)).toMatchObject({ after: 'm2' });
  });

  it('lets a federation officer choose where to send from, kept in the URL', async () => {
    signInAs();
    const mock = api({}, viewerAnswer({ grants: [FEDERATION_GRANT] }));
    renderApp('/messages');
    const picker = await screen.findByTestId('messaging-node');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual([BREST.name, 'Federation 29 · Finistère']);
    await userEvent.selectOptions(picker, 'f:29');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/messages?federation=29'));
    await waitFor(() => expect(mock.variablesOf('Messages').at(-1)).toMatchObject({ sectionId: null, federationCode: '29' }));
    // a newsletter template belongs to a section
    expect(screen.queryByTestId('messaging-link-template')).not.toBeInTheDocument();
  });

  it('offers nothing to write where the API refuses the list', async () => {
    signInAs();
    api({ Messages: () => ({ data: null, errors: [{ message: 'Sending messages from here takes SEND_MESSAGES.', extensions: { code: 'FORBIDDEN' } }] }) });
    renderApp('/messages?section=U2VjdGlvbjo5');
    expect(await screen.findByTestId('api-error')).toHaveAttribute('data-code', 'FORBIDDEN');
    expect(screen.queryByTestId('new-newsletter')).not.toBeInTheDocument();
  });

  it('edits the section’s newsletter template', async () => {
    signInAs();
    const mock = api({
      SectionMailTemplate: () => ({ data: { sectionMailTemplate: { senderName: BREST.name, footer: '' } } }),
      SetSectionMailTemplate: (v) => ({ data: { setSectionMailTemplate: { template: (v.input as { senderName: string; footer: string }), errors: [] } } }),
    });
    renderApp(`/messages/template?section=${BREST.id}`);
    expect(await screen.findByTestId('template-sender-name')).toHaveValue(BREST.name);
    fireEvent.change(screen.getByTestId('template-footer'), { target: { value: 'Section {{section}} · 3 rue de Siam' } });
    await userEvent.click(screen.getByTestId('template-submit'));
    expect(await screen.findByTestId('template-saved')).toBeInTheDocument();
    expect(mock.variablesOf('SetSectionMailTemplate')).toEqual([
      { input: { sectionId: BREST.id, senderName: BREST.name, footer: 'Section {{section}} · 3 rue de Siam' } },
    ]);
  });
});

describe('the unsubscribe page', () => {
  it('changes nothing when opened: only its button unsubscribes, with a POST', async () => {
    const mock = mockApi({ http: (call) => (call.url === '/messaging/unsubscribe/tok_en-1' && call.method === 'POST' ? new Response('ok', { status: 200 }) : undefined) });
    renderApp('/unsubscribe/tok_en-1');
    const button = await screen.findByTestId('unsubscribe-submit');
    expect(mock.calls.filter((c) => c.url.startsWith('/messaging'))).toHaveLength(0);
    // every email from the party, not only its newsletters; SMS are another matter
    expect(screen.getByTestId('unsubscribe-page')).toHaveTextContent('stop receiving any email from the party at this address');
    expect(screen.getByTestId('unsubscribe-page')).toHaveTextContent('invitations to actions and their reminders');
    expect(screen.getByTestId('unsubscribe-page')).toHaveTextContent('SMS are not affected');

    await userEvent.click(button);
    expect(await screen.findByTestId('unsubscribe-done')).toHaveTextContent('You are unsubscribed: the party will send no more email to this address.');
    const posts = mock.calls.filter((c) => c.url.startsWith('/messaging'));
    expect(posts).toEqual([expect.objectContaining({ url: '/messaging/unsubscribe/tok_en-1', method: 'POST' })]);
    // no sign-in needed
    expect(screen.getByTestId('location')).toHaveTextContent('/unsubscribe/tok_en-1');
  });

  it('says in French that every email stops', async () => {
    await i18n.changeLanguage('fr');
    mockApi({ http: (call) => (call.method === 'POST' ? new Response('ok', { status: 200 }) : undefined) });
    renderApp('/unsubscribe/tok');
    expect(await screen.findByTestId('unsubscribe-page')).toHaveTextContent('ne plus recevoir aucun e-mail du parti à cette adresse');
    await userEvent.click(screen.getByTestId('unsubscribe-submit'));
    expect(await screen.findByTestId('unsubscribe-done')).toHaveTextContent("le parti n'enverra plus aucun e-mail à cette adresse");
  });

  it('says when the link is not valid', async () => {
    mockApi();
    renderApp('/unsubscribe/forged');
    await userEvent.click(await screen.findByTestId('unsubscribe-submit'));
    expect(await screen.findByTestId('unsubscribe-invalid')).toHaveTextContent('This link is not valid');
  });
});
