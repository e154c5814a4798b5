import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TOKEN_KEY } from '../../api/token';
import i18n from '../../i18n';
import { mockApi, signInAs, type GraphQLAnswer, type GraphQLHandler } from '../../test/api';
import { BREST, peoplePage, person, personDetails, viewerAnswer, WORDINGS } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const RUN = 'Sm9iUnVuOjk=';
const RESULT_URL = '/exports/0f8e2b6c9d7a4e1f8b3c5d6e7f801234';
const FILE_NAME = 'coopol-donnees-20261130-0912.zip';

const member = () => viewerAnswer({ grants: [] });

const lea = personDetails({
  id: 'UGVyc29uOjE=',
  firstName: 'Léa',
  lastName: 'Morvan',
  displayName: 'Léa Morvan',
  isViewer: true,
  viewerCanManage: false,
  accessLog: {
    pageInfo: { hasNextPage: false },
    items: [{ kind: 'EXPORTED_PERSONAL_DATA', at: '2026-11-30T09:12:00Z', actorName: 'Anne Secrétaire' }],
  },
});

const marie = personDetails();

function run(status: string, extra: Record<string, unknown> = {}) {
  return { __typename: 'JobRun', id: RUN, status, done: 0, total: null, summary: null, stopCode: null, stopReason: null, resultUrl: null, ...extra };
}

const started: GraphQLHandler = () => ({ data: { exportPersonalData: { run: { id: RUN, status: 'QUEUED' }, errors: [] } } });
const erasedAnswer: GraphQLHandler = () => ({ data: { erasePersonalData: { erasure: { at: '2026-11-30T10:00:00Z', byThemselves: true, rows: 37 }, errors: [] } } });

function refusal(code: string): GraphQLHandler {
  return () => ({ data: { erasePersonalData: { erasure: null, errors: [{ __typename: 'DomainError', code, message: code }] } } });
}

/**
 * The API: the export queues a run that the shared job poll (ImportRun) follows through `states`; the finished run's
 * file is served at RESULT_URL, once (then it is gone, as after its day).
 */
function api(handlers: Record<string, GraphQLHandler>, states: GraphQLAnswer['data'][] = [run('SUCCEEDED', { done: 120, total: 120, resultUrl: RESULT_URL })]) {
  let polls = 0;
  let served = 0;
  return mockApi({
    graphql: {
      Viewer: member,
      ConsentWordings: () => WORDINGS,
      MyInvitations: () => ({ data: { me: { invitations: { items: [] } } } }),
      ExportPersonalData: started,
      ImportRun: () => ({ data: { node: states[Math.min(polls++, states.length - 1)] } }),
      ...handlers,
    },
    http: (call) => {
      if (call.url !== RESULT_URL) return undefined;
      if (served++ > 0) return new Response('', { status: 404 });
      return new Response('PK', {
        status: 200,
        headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename=${FILE_NAME}; filename*=UTF-8''${FILE_NAME}` },
      });
    },
  });
}

function catchDownloads() {
  const saved: { name: string; href: string }[] = [];
  // jsdom implements neither.
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:zip'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  return saved;
}

describe('my data', () => {
  it('is linked from the member’s own page, which tells them of a download made at their request', async () => {
    signInAs();
    api({ MyProfile: () => ({ data: { me: { person: lea } } }) });
    renderApp('/');
    const section = await screen.findByTestId('my-data-section');
    expect(within(section).getByRole('link', { name: 'My data' })).toHaveAttribute('href', '/me/data');
    expect(screen.getByTestId('access-log-entry')).toHaveTextContent('Anne Secrétaire downloaded all your data, at your request');
    // their own page: nothing to do "on their request"
    expect(screen.queryByTestId('on-request')).not.toBeInTheDocument();
  });

  it('says what Coopol holds, where to correct it, and downloads it all with the token', async () => {
    signInAs('the-token');
    const saved = catchDownloads();
    const mock = api({}, [run('RUNNING'), run('SUCCEEDED', { done: 120, total: 120, resultUrl: RESULT_URL })]);
    renderApp('/me/data');
    expect(await screen.findByRole('heading', { level: 1, name: 'My data' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('My data · Coopol'));
    expect(within(screen.getByTestId('my-data-held')).getAllByRole('listitem')).toHaveLength(8);
    // a member's profile is their home page
    expect(screen.getByRole('link', { name: 'Go to my profile' })).toHaveAttribute('href', '/');

    await userEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    await waitFor(() => expect(mock.variablesOf('ExportPersonalData')).toEqual([{}]));
    const status = screen.getByTestId('my-data-download-status');
    expect(screen.getByRole('button', { name: 'Download my data' })).toBeDisabled();
    await waitFor(() => expect(status).toHaveTextContent('Gathering the data…'), { timeout: 3000 });
    await waitFor(() => expect(status).toHaveTextContent(`Downloaded: ${FILE_NAME}. Coopol keeps it for a day.`), { timeout: 3000 });
    expect(status).toHaveAttribute('data-phase', 'done');
    expect(mock.variablesOf('ImportRun')[0]).toEqual({ id: RUN });
    const download = mock.calls.find((c) => c.url === RESULT_URL);
    expect(download?.headers.get('Authorization')).toBe('Bearer the-token');
    expect(saved).toEqual([{ name: FILE_NAME, href: 'blob:zip' }]);
    expect(screen.getByRole('button', { name: 'Download my data' })).toBeEnabled();

    // The file is kept a day: once gone, the download says so.
    await userEvent.click(screen.getByRole('button', { name: 'Download again' }));
    await waitFor(() => expect(screen.getByTestId('my-data-download-error')).toHaveAttribute('data-code', 'EXPORT_NOT_FOUND'));
    expect(mock.calls.filter((c) => c.url === RESULT_URL)).toHaveLength(2);
  });

  it('tells why the download stopped', async () => {
    signInAs();
    catchDownloads();
    api({}, [run('FAILED', { stopCode: 'INTERNAL_ERROR', stopReason: 'boom' })]);
    renderApp('/me/data');
    await userEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    const error = await screen.findByTestId('my-data-download-error', {}, { timeout: 3000 });
    expect(error).toHaveAttribute('data-code', 'INTERNAL_ERROR');
    expect(error).toHaveTextContent('The download failed.');
  });

  it('erases only once ERASE is typed, then signs out and says so', async () => {
    signInAs();
    const mock = api({ ErasePersonalData: erasedAnswer });
    renderApp('/me/data');
    const erase = await screen.findByTestId('my-data-erase');
    expect(erase).toHaveTextContent('This cannot be undone.');
    const submit = within(erase).getByRole('button', { name: 'Erase my data for good' });
    const input = within(erase).getByRole('textbox', { name: 'Type ERASE to confirm' });
    expect(submit).toBeDisabled();
    await userEvent.type(input, 'erase');
    expect(submit).toBeDisabled();
    await userEvent.clear(input);
    await userEvent.type(input, 'ERASE ');
    expect(submit).toBeDisabled();
    await userEvent.type(input, '{Backspace}');
    expect(submit).toBeEnabled();
    expect(mock.variablesOf('ErasePersonalData')).toEqual([]);

    await userEvent.click(submit);
    await waitFor(() => expect(mock.variablesOf('ErasePersonalData')).toEqual([{ input: { confirmation: 'ERASE' } }]));
    expect(await screen.findByTestId('signin-erased')).toHaveTextContent('Your data has been erased for good, and you have been signed out.');
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/signin$/);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(screen.queryByTestId('sign-out')).not.toBeInTheDocument();
  });

  it('shows a refusal and stays signed in', async () => {
    signInAs();
    api({ ErasePersonalData: refusal('CONFIRMATION_REQUIRED') });
    renderApp('/me/data');
    await userEvent.type(await screen.findByTestId('erase-confirmation'), 'ERASE');
    await userEvent.click(screen.getByTestId('erase-submit'));
    const errors = await screen.findByTestId('erase-errors');
    expect(errors).toHaveTextContent('Type ERASE, in capitals, to confirm: erasing cannot be undone.');
    await waitFor(() => expect(errors).toHaveFocus());
    expect(screen.getByTestId('my-data-page')).toBeInTheDocument();
    expect(localStorage.getItem(TOKEN_KEY)).not.toBeNull();
  });

  it('speaks French, and keeps the word ERASE', async () => {
    signInAs();
    await i18n.changeLanguage('fr');
    api({});
    renderApp('/me/data');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mes données' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Télécharger mes données' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Effacer définitivement mes données' })).toBeDisabled();
    await userEvent.type(screen.getByRole('textbox', { name: 'Tapez ERASE pour confirmer' }), 'ERASE');
    expect(screen.getByRole('button', { name: 'Effacer définitivement mes données' })).toBeEnabled();
  });

  it('says there is nothing to download for an account without a person', async () => {
    signInAs();
    api({ Viewer: () => ({ data: { me: { email: 'ops@demo.coopol.fr', person: null, grants: { items: [] } } } }) });
    renderApp('/me/data');
    expect(await screen.findByTestId('my-data-no-person')).toBeInTheDocument();
    expect(screen.queryByTestId('my-data-download')).not.toBeInTheDocument();
    expect(screen.queryByTestId('erase-form')).not.toBeInTheDocument();
  });
});

describe('a person’s data, on their request', () => {
  const organizer = (handlers: Record<string, GraphQLHandler>) =>
    api({
      Viewer: viewerAnswer,
      PersonDetails: () => ({ data: { person: marie } }),
      SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      ...handlers,
    });

  it('downloads their data for them', async () => {
    signInAs();
    const saved = catchDownloads();
    const mock = organizer({});
    renderApp(`/people/${marie.id}`);
    const panel = await screen.findByRole('region', { name: 'On this person’s request' });
    expect(panel).toHaveTextContent('Only when Marie asks you to.');
    await userEvent.click(within(panel).getByRole('button', { name: 'Download their data' }));
    await waitFor(() => expect(mock.variablesOf('ExportPersonalData')).toEqual([{ personId: marie.id }]));
    await waitFor(() => expect(saved).toEqual([{ name: FILE_NAME, href: 'blob:zip' }]), { timeout: 3000 });
    expect(screen.getByTestId('person-data-download-status')).toHaveTextContent(`Downloaded: ${FILE_NAME}.`);
  });

  it('erases them once ERASE is typed, with their id, and goes back to the section’s people', async () => {
    signInAs();
    const mock = organizer({ ErasePersonalData: erasedAnswer });
    renderApp(`/people/${marie.id}`);
    await userEvent.click(await screen.findByRole('button', { name: 'Erase their data' }));
    const input = screen.getByRole('textbox', { name: 'Type ERASE to confirm' });
    expect(input).toHaveFocus();
    const submit = screen.getByRole('button', { name: 'Erase their data for good' });
    expect(submit).toBeDisabled();
    await userEvent.type(input, 'ERAS');
    expect(submit).toBeDisabled();
    await userEvent.type(input, 'E');
    await userEvent.click(submit);
    await waitFor(() => expect(mock.variablesOf('ErasePersonalData')).toEqual([{ input: { personId: marie.id, confirmation: 'ERASE' } }]));
    expect(await screen.findByTestId('person-erased')).toHaveTextContent('The person’s data has been erased for good (37 records deleted or unlinked).');
    expect(screen.getByTestId('location')).toHaveTextContent(`/sections/${BREST.id}`);
    expect(await screen.findByTestId('section-people')).toBeInTheDocument();
    // still signed in: only the person was erased
    expect(localStorage.getItem(TOKEN_KEY)).not.toBeNull();
  });

  it('explains that someone holding roles cannot be erased, and can be cancelled', async () => {
    signInAs();
    organizer({ ErasePersonalData: refusal('ROLES_HELD') });
    renderApp(`/people/${marie.id}`);
    await userEvent.click(await screen.findByTestId('person-erase-open'));
    await userEvent.type(screen.getByTestId('erase-confirmation'), 'ERASE');
    await userEvent.click(screen.getByTestId('erase-submit'));
    const errors = await screen.findByTestId('erase-errors');
    expect(within(errors).getByRole('listitem')).toHaveAttribute('data-code', 'ROLES_HELD');
    expect(errors).toHaveTextContent(
      'This person holds roles or delegations: whoever may revoke them does so first, or the person erases their data themselves, from “My data”.',
    );
    expect(screen.getByTestId('location')).toHaveTextContent(`/people/${marie.id}`);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('erase-form')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Erase their data' })).toHaveFocus());
  });

  it('is offered only to those who manage the person', async () => {
    signInAs();
    organizer({ PersonDetails: () => ({ data: { person: personDetails({ viewerCanManage: false }) } }) });
    renderApp(`/people/${marie.id}`);
    expect(await screen.findByTestId('person-name')).toBeInTheDocument();
    expect(screen.queryByTestId('on-request')).not.toBeInTheDocument();
    expect(screen.queryByTestId('my-data-section')).not.toBeInTheDocument();
  });

  it('speaks French', async () => {
    signInAs();
    await i18n.changeLanguage('fr');
    organizer({});
    renderApp(`/people/${marie.id}`);
    const panel = await screen.findByRole('region', { name: 'À la demande de cette personne' });
    expect(within(panel).getByRole('button', { name: 'Télécharger ses données' })).toBeEnabled();
    await userEvent.click(within(panel).getByRole('button', { name: 'Effacer ses données' }));
    expect(within(panel).getByRole('textbox', { name: 'Tapez ERASE pour confirmer' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Effacer définitivement ses données' })).toBeDisabled();
  });
});
