import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLHandler } from '../../test/api';
import { BREST, secretaryGrant, viewerAnswer } from '../../test/fixtures';
import {
  count,
  DELEGATE_PERMISSIONS,
  delegateGrant,
  message,
  MESSAGE_ID,
  messagingSection,
  messagingSectionWith,
  preview,
  SEGMENT_ID,
  segment,
  segmentsAnswer,
} from '../../test/messagingFixtures';
import { renderApp } from '../../test/render';

const SMS_PREVIEW = (body: string) =>
  preview({
    subject: null,
    html: null,
    text: body.replace('{{firstName}}', 'Anne'),
    // ê is outside GSM-7: the whole SMS is UCS-2.
    sms: { characters: body.length, encoding: /ê/.test(body) ? 'UCS2' : 'GSM7', units: body.length, segments: 1 },
    costPerRecipient: 0.05,
    currency: 'EUR',
  });

function api(handlers: Record<string, GraphQLHandler> = {}) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      MessagingSection: messagingSection,
      Segments: () => segmentsAnswer(),
      SegmentCount: () => ({ data: { segmentCount: count(120, 80, 40) } }),
      ElectoralSilences: () => ({ data: { electoralSilences: [] } }),
      MessagePreview: (v) => ({ data: { messagePreview: v.channel === 'SMS' ? SMS_PREVIEW(String(v.body)) : preview() } }),
      ...handlers,
    },
  });
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('the composer', () => {
  it('counts an SMS as it is typed: encoding, segments, cost for the people it reaches, and a warning while STOP is missing', async () => {
    signInAs();
    const mock = api();
    renderApp(`/messages/new?channel=SMS&section=${BREST.id}&segment=${SEGMENT_ID}`);
    await screen.findByTestId('composer');
    // the chosen segment's count, and no subject for an SMS
    expect(await screen.findByTestId('composer-count')).toHaveTextContent('42 people · 30 by email · 12 by SMS');
    expect(screen.queryByTestId('composer-subject')).not.toBeInTheDocument();

    type('composer-body', 'Salut {{firstName}}, fête ce soir !');
    expect(screen.getByTestId('stop-missing')).toHaveTextContent('does not say how to stop');
    const encoding = await screen.findByTestId('sms-encoding', {}, { timeout: 2000 });
    expect(encoding).toHaveTextContent('UCS-2');
    expect(screen.getByTestId('sms-encoding-hint')).toHaveTextContent(/accent like ê/);
    expect(screen.getByTestId('sms-segments')).toHaveTextContent('1');
    expect(screen.getByTestId('preview-text')).toHaveTextContent('Salut Anne, fête ce soir !');
    // 0.05 € per person × the 12 people the segment reaches by SMS
    expect(screen.getByTestId('sms-cost')).toHaveTextContent('€0.60');
    expect(screen.getByTestId('sms-cost')).toHaveTextContent('12 people');
    expect(mock.variablesOf('MessagePreview').at(-1)).toEqual({
      sectionId: BREST.id,
      federationCode: null,
      channel: 'SMS',
      subject: null,
      body: 'Salut {{firstName}}, fête ce soir !',
    });

    // saving without STOP is refused before anything is sent
    await userEvent.click(screen.getByTestId('composer-save'));
    expect(await screen.findByTestId('composer-errors-body')).toHaveTextContent('An SMS must say how to stop receiving them');
    expect(mock.variablesOf('ComposeMessage')).toHaveLength(0);

    type('composer-body', 'Salut {{firstName}}, fete ce soir ! STOP au 36111');
    expect(screen.queryByTestId('stop-missing')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('sms-encoding')).toHaveTextContent('GSM-7'), { timeout: 2000 });
  });

  it('shows a newsletter in a sandboxed frame, never in the page', async () => {
    signInAs();
    api();
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}`);
    await screen.findByTestId('composer');
    type('composer-subject', 'Réunion publique jeudi');
    type('composer-body', '# Bonjour {{firstName}}');

    const frame = await screen.findByTestId('preview-frame', {}, { timeout: 2000 });
    expect(frame.tagName).toBe('IFRAME');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame.getAttribute('srcdoc')).toContain('<h1 class="injected">Bonjour Anne</h1>');
    // the HTML is the frame's document, not part of the page
    expect(document.querySelector('h1.injected')).toBeNull();
    expect(screen.getByTestId('preview-subject')).toHaveTextContent('Réunion publique jeudi');
  });

  it('says an unknown variable without asking the API, and translates the API’s error codes', async () => {
    signInAs();
    const mock = api({
      MessagePreview: () => ({ data: null, errors: [{ message: 'The text is too long.', extensions: { code: 'TOO_LONG' } }] }),
      ComposeMessage: () => ({
        data: {
          composeMessage: {
            message: null,
            errors: [{ __typename: 'ValidationError', code: 'SUBJECT_REQUIRED', message: 'A newsletter needs a subject.', field: 'subject' }],
          },
        },
      }),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}`);
    await screen.findByTestId('composer');
    type('composer-subject', 'Jeudi');
    type('composer-body', 'Bonjour {{prenom}}');
    const unknown = await screen.findByTestId('preview-error', {}, { timeout: 2000 });
    expect(unknown).toHaveAttribute('data-code', 'UNKNOWN_VARIABLE');
    expect(unknown).toHaveTextContent('Unknown variable');
    expect(unknown).toHaveTextContent('{{prenom}}');
    expect(mock.variablesOf('MessagePreview')).toHaveLength(0);

    // the buttons put a known variable where the cursor is
    type('composer-body', 'Bonjour ');
    await userEvent.click(screen.getByTestId('insert-firstName'));
    expect(screen.getByTestId('composer-body')).toHaveValue('Bonjour {{firstName}}');
    await waitFor(() => expect(screen.getByTestId('preview-error')).toHaveAttribute('data-code', 'TOO_LONG'), { timeout: 2000 });
    expect(screen.getByTestId('preview-error')).toHaveTextContent('Too long.');

    await userEvent.click(screen.getByTestId('composer-save'));
    const errors = await screen.findByTestId('composer-errors-subject');
    expect(errors).toHaveTextContent('A newsletter needs a subject.');
    expect(within(errors).getByText(/needs a subject/)).toHaveAttribute('data-code', 'SUBJECT_REQUIRED');
    await waitFor(() => expect(screen.getByTestId('composer-subject')).toHaveFocus());
  });

  it('saves the draft before sending, asks how many people will get it, then goes to the message', async () => {
    signInAs();
    const saved = message({ channel: 'EMAIL', subject: 'Jeudi', body: 'Bonjour {{firstName}}' });
    const mock = api({
      ComposeMessage: () => ({ data: { composeMessage: { message: saved, errors: [] } } }),
      Draft: () => ({ data: { message: saved } }),
      SendMessage: () => ({ data: { sendMessage: { message: { id: MESSAGE_ID, status: 'SENDING', scheduledAt: null }, errors: [] } } }),
      Message: () => ({ data: { message: { ...message({ status: 'SENDING' }), preview: preview(), outbox: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [] } } } }),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}&segment=${SEGMENT_ID}`);
    await screen.findByTestId('composer');
    await screen.findByTestId('composer-count');
    type('composer-subject', 'Jeudi');
    type('composer-body', 'Bonjour {{firstName}}');
    await userEvent.click(screen.getByTestId('composer-send'));

    const dialog = await screen.findByTestId('send-dialog');
    expect(within(dialog).getByTestId('send-dialog-count')).toHaveTextContent('It goes to 30 people');
    expect(mock.variablesOf('ComposeMessage')).toHaveLength(0);
    await userEvent.click(within(dialog).getByTestId('send-dialog-confirm'));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/messages/${MESSAGE_ID}`));
    expect(mock.variablesOf('ComposeMessage')[0]).toEqual({
      input: {
        sectionId: BREST.id,
        federationCode: null,
        channel: 'EMAIL',
        purpose: 'NEWS',
        segmentId: SEGMENT_ID,
        definition: null,
        subject: 'Jeudi',
        body: 'Bonjour {{firstName}}',
        campaign: true,
        ignoreQuietHours: false,
      },
    });
    expect(mock.variablesOf('SendMessage')).toEqual([{ input: { messageId: MESSAGE_ID, at: null } }]);
  });

  it('shows a refused send in the dialog, by its code', async () => {
    signInAs();
    const saved = message({ channel: 'EMAIL', subject: 'Jeudi', body: 'Bonjour' });
    api({
      Draft: () => ({ data: { message: saved } }),
      ComposeMessage: () => ({ data: { composeMessage: { message: saved, errors: [] } } }),
      SendMessage: () => ({
        data: { sendMessage: { message: null, errors: [{ __typename: 'DomainError', code: 'ELECTORAL_SILENCE', message: 'Electoral silence (Législatives)' }] } },
      }),
    });
    renderApp(`/messages/${MESSAGE_ID}/edit`);
    expect(await screen.findByTestId('composer-subject')).toHaveValue('Jeudi');
    await screen.findByTestId('composer-count');
    await userEvent.click(screen.getByTestId('composer-send'));
    await userEvent.click(within(await screen.findByTestId('send-dialog')).getByTestId('send-dialog-confirm'));
    const errors = await screen.findByTestId('send-dialog-errors');
    expect(within(errors).getByText(/Electoral silence: nothing new may be published or sent/)).toHaveAttribute('data-code', 'ELECTORAL_SILENCE');
    expect(screen.getByTestId('location')).toHaveTextContent(`/messages/${MESSAGE_ID}/edit`);
  });

  it('saves a new draft once, even when its send is refused and tried again', async () => {
    signInAs();
    const saved = message({ channel: 'EMAIL', subject: 'Jeudi', body: 'Bonjour' });
    const mock = api({
      ComposeMessage: () => ({ data: { composeMessage: { message: saved, errors: [] } } }),
      Draft: () => ({ data: { message: saved } }),
      SendMessage: () => ({ data: { sendMessage: { message: null, errors: [{ __typename: 'DomainError', code: 'EMPTY_SEGMENT', message: 'Nobody' }] } } }),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}`);
    await screen.findByTestId('composer-count');
    type('composer-subject', 'Jeudi');
    type('composer-body', 'Bonjour');
    for (let i = 0; i < 2; i++) {
      await userEvent.click(screen.getByTestId('composer-send'));
      await userEvent.click(within(await screen.findByTestId('send-dialog')).getByTestId('send-dialog-confirm'));
      expect(await screen.findByTestId('send-dialog-errors')).toHaveTextContent('Nobody in this segment may receive it');
      if (i === 0) await userEvent.click(screen.getByTestId('send-dialog-cancel'));
    }
    const [first, second] = mock.variablesOf('ComposeMessage') as { input: Record<string, unknown> }[];
    expect(first!.input).toMatchObject({ sectionId: BREST.id });
    expect(first!.input).not.toHaveProperty('id');
    expect(second!.input).toMatchObject({ id: MESSAGE_ID });
    // the draft saved on the way is where the page is now
    expect(screen.getByTestId('location')).toHaveTextContent(`/messages/${MESSAGE_ID}/edit`);
  });

  it('schedules a draft at a time of the browser’s clock, sent as UTC, after confirmation', async () => {
    signInAs();
    const saved = message({ channel: 'EMAIL', subject: 'Jeudi', body: 'Bonjour' });
    const mock = api({
      Draft: () => ({ data: { message: saved } }),
      ComposeMessage: () => ({ data: { composeMessage: { message: saved, errors: [] } } }),
      SendMessage: () => ({ data: { sendMessage: { message: { id: MESSAGE_ID, status: 'SCHEDULED', scheduledAt: null }, errors: [] } } }),
      Message: () => ({ data: { message: null } }),
    });
    renderApp(`/messages/${MESSAGE_ID}/edit`);
    await screen.findByTestId('composer-count');
    // a time already gone is refused here
    type('composer-schedule-at', '2020-01-01T10:00');
    await userEvent.click(screen.getByTestId('composer-schedule'));
    expect(await screen.findByTestId('composer-errors-at')).toHaveTextContent('Choose a time to come.');
    expect(screen.queryByTestId('send-dialog')).not.toBeInTheDocument();

    const tomorrow = new Date(Date.now() + 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T18:00`;
    type('composer-schedule-at', local);
    await userEvent.click(screen.getByTestId('composer-schedule'));
    const dialog = await screen.findByTestId('send-dialog');
    expect(within(dialog).getByTestId('send-dialog-at')).toHaveTextContent('It leaves on');
    expect(within(dialog).getByTestId('send-dialog-count')).toHaveTextContent('It goes to 30 people');
    await userEvent.click(within(dialog).getByTestId('send-dialog-confirm'));
    await waitFor(() => expect(mock.variablesOf('SendMessage')).toEqual([{ input: { messageId: MESSAGE_ID, at: new Date(local).toISOString() } }]));
    expect(mock.variablesOf('ComposeMessage')[0]).toMatchObject({ input: { id: MESSAGE_ID, segmentId: SEGMENT_ID } });
  });

  it('does not offer to send to nobody, nor a campaign message during an electoral silence', async () => {
    signInAs();
    const now = Date.now();
    const NOBODY = 'U2VnbWVudDoy';
    api({
      Segments: () => segmentsAnswer([segment(), segment({ id: NOBODY, name: 'Sans e-mail', count: count(3, 0, 0) })]),
      ElectoralSilences: () => ({
        data: {
          electoralSilences: [
            { id: 's', name: 'Législatives', scope: '29', startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() },
          ],
        },
      }),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}&segment=${SEGMENT_ID}`);
    await screen.findByTestId('composer');
    // members alone, 30 reachable by email, but a silence holds over the federation
    expect(await screen.findByTestId('composer-silence')).toHaveTextContent('Législatives');
    expect(screen.queryByTestId('composer-send')).not.toBeInTheDocument();
    // a message to members alone may be marked as not campaigning: then it may leave
    await userEvent.click(screen.getByTestId('composer-campaign'));
    expect(screen.getByTestId('composer-send')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByTestId('composer-segment'), NOBODY);
    expect(await screen.findByTestId('composer-nobody')).toBeInTheDocument();
    expect(screen.queryByTestId('composer-send')).not.toBeInTheDocument();
    expect(screen.queryByTestId('composer-schedule')).not.toBeInTheDocument();
  });

  it('offers "not campaigning" only for a message to members alone, or to the national team', async () => {
    signInAs();
    const supporters = segment({ id: 'U2VnbWVudDoz', name: 'Sympathisants', definition: { ...segment().definition, kinds: ['SUPPORTER'] } });
    const saved = message({ segmentId: supporters.id, campaign: false });
    const mock = api({
      Segments: () => segmentsAnswer([segment(), supporters]),
      Draft: () => ({ data: { message: saved } }),
      ComposeMessage: () => ({ data: { composeMessage: { message: saved, errors: [] } } }),
    });
    // a draft once marked as not campaigning, now written to supporters: it is a campaign message
    renderApp(`/messages/${MESSAGE_ID}/edit`);
    await screen.findByTestId('composer-count');
    expect(screen.queryByTestId('composer-campaign')).not.toBeInTheDocument();
    expect(screen.getByTestId('composer-campaign-required')).toHaveTextContent('Only a message to members alone');
    await userEvent.click(screen.getByTestId('composer-save'));
    await waitFor(() => expect(mock.variablesOf('ComposeMessage')).toHaveLength(1));
    expect(mock.variablesOf('ComposeMessage')[0]).toMatchObject({ input: { segmentId: supporters.id, campaign: true } });

    // to members alone, it is offered (and stays unticked as the draft had it)
    await userEvent.selectOptions(screen.getByTestId('composer-segment'), SEGMENT_ID);
    expect(screen.getByTestId('composer-campaign')).not.toBeChecked();
    // everyone the section sends to: supporters too
    await userEvent.selectOptions(screen.getByTestId('composer-segment'), '');
    expect(screen.queryByTestId('composer-campaign')).not.toBeInTheDocument();
  });

  it('lets the national team mark any message as not campaigning', async () => {
    signInAs();
    api({ Viewer: () => viewerAnswer({ grants: [{ ...secretaryGrant, level: 'NATIONAL', section: null, federation: null }] }) });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}`);
    await screen.findByTestId('composer-count');
    expect(screen.getByTestId('composer-campaign')).toBeChecked();
    expect(screen.queryByTestId('composer-campaign-required')).not.toBeInTheDocument();
  });

  it('translates CAMPAIGN_REQUIRED next to the campaign field', async () => {
    signInAs();
    api({
      ComposeMessage: () => ({
        data: {
          composeMessage: {
            message: null,
            errors: [{ __typename: 'ValidationError', code: 'CAMPAIGN_REQUIRED', message: 'A message that reaches supporters is campaigning.', field: 'campaign' }],
          },
        },
      }),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}&segment=${SEGMENT_ID}`);
    await screen.findByTestId('composer-count');
    type('composer-subject', 'Jeudi');
    type('composer-body', 'Bonjour');
    await userEvent.click(screen.getByTestId('composer-campaign'));
    await userEvent.click(screen.getByTestId('composer-save'));
    expect(await screen.findByTestId('composer-errors-campaign')).toHaveTextContent('only a message to members alone may be marked otherwise');
  });

  it('does not offer to send or schedule what reaches a count hidden from a delegate, and says why', async () => {
    signInAs();
    api({
      Viewer: () => viewerAnswer({ grants: [delegateGrant] }),
      MessagingSection: () => messagingSectionWith(DELEGATE_PERMISSIONS),
      // 0 to 4 by email: hidden from a sender who does not see everyone; 7 by SMS
      Segments: () => segmentsAnswer([segment({ count: count(9, null, 7, true) })]),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}&segment=${SEGMENT_ID}`);
    expect(await screen.findByTestId('composer-count')).toHaveTextContent('9 people · fewer than 5 by email · 7 by SMS');
    expect(screen.getByTestId('composer-too-small')).toHaveTextContent('fewer than 5 people');
    expect(screen.queryByTestId('composer-send')).not.toBeInTheDocument();
    expect(screen.queryByTestId('composer-schedule')).not.toBeInTheDocument();
    expect(screen.queryByTestId('composer-schedule-at')).not.toBeInTheDocument();
    // a test to oneself is still offered, and saving
    expect(screen.getByTestId('composer-test')).toBeInTheDocument();
    expect(screen.getByTestId('composer-save')).toBeInTheDocument();
  });

  it('offers the same segment by SMS when its SMS count is shown', async () => {
    signInAs();
    api({
      Viewer: () => viewerAnswer({ grants: [delegateGrant] }),
      MessagingSection: () => messagingSectionWith(DELEGATE_PERMISSIONS),
      Segments: () => segmentsAnswer([segment({ count: count(9, null, 7, true) })]),
    });
    renderApp(`/messages/new?channel=SMS&section=${BREST.id}&segment=${SEGMENT_ID}`);
    await screen.findByTestId('composer-count');
    expect(screen.getByTestId('composer-send')).toBeInTheDocument();
    expect(screen.queryByTestId('composer-too-small')).not.toBeInTheDocument();
  });

  it('shows the preview’s refused field by its own code, next to the text', async () => {
    signInAs();
    api({
      MessagePreview: () => ({
        data: null,
        errors: [
          {
            message: 'body: The text is too long.',
            path: ['messagePreview'],
            extensions: { code: 'VALIDATION_FAILED', data: { fields: [{ field: 'body', code: 'TOO_LONG', message: 'The text is too long.' }] } },
          },
        ],
      }),
    });
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}`);
    await screen.findByTestId('composer');
    type('composer-body', 'Bonjour');
    const error = await screen.findByTestId('preview-error', {}, { timeout: 2000 });
    expect(error).toHaveAttribute('data-code', 'TOO_LONG');
    expect(error).toHaveTextContent('Too long.');
    expect(error).not.toHaveTextContent('Some values were refused');
    expect(screen.getByTestId('composer-errors-body')).toHaveTextContent('Too long.');
    expect(screen.getByTestId('composer-body')).toHaveAttribute('aria-invalid', 'true');
  });

  it('says a subject is one line', async () => {
    signInAs();
    const mock = api();
    renderApp(`/messages/new?channel=EMAIL&section=${BREST.id}`);
    await screen.findByTestId('composer');
    type('composer-subject', 'Jeudi\tsoir');
    type('composer-body', 'Bonjour');
    await userEvent.click(screen.getByTestId('composer-save'));
    expect(await screen.findByTestId('composer-errors-subject')).toHaveTextContent('A subject is one line');
    expect(mock.variablesOf('ComposeMessage')).toHaveLength(0);
  });

  it('says how many tests a day there are, and offers no more once the API says they are used up', async () => {
    signInAs();
    const saved = message({ subject: 'Jeudi', body: 'Bonjour' });
    const mock = api({
      Draft: () => ({ data: { message: saved } }),
      ComposeMessage: () => ({ data: { composeMessage: { message: saved, errors: [] } } }),
      TestSendMessage: () => ({
        data: { testSendMessage: { message: null, errors: [{ __typename: 'DomainError', code: 'TOO_MANY_TESTS', message: 'At most 20 test sends a day.' }] } },
      }),
    });
    renderApp(`/messages/${MESSAGE_ID}/edit`);
    await screen.findByTestId('composer-count');
    expect(screen.getByTestId('composer-test-hint')).toHaveTextContent('at most 20 a day');
    await userEvent.click(screen.getByTestId('composer-test'));
    const errors = await screen.findByTestId('composer-errors');
    expect(within(errors).getByText(/At most 20 test sends a day/)).toHaveAttribute('data-code', 'TOO_MANY_TESTS');
    expect(screen.queryByTestId('composer-test')).not.toBeInTheDocument();
    expect(screen.getByTestId('composer-test-hint')).toHaveTextContent('You sent your 20 tests of the day');
    expect(mock.variablesOf('TestSendMessage')).toEqual([{ messageId: MESSAGE_ID }]);
    // sending is still offered
    expect(screen.getByTestId('composer-send')).toBeInTheDocument();
  });
});
