import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { consents, personDetails, viewerAnswer, WORDINGS } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const AT = '2024-06-01T12:00:00Z';

/** The API's answer to recordConsent: the person's consents with that change applied. */
function recorded(person: ReturnType<typeof personDetails>, input: Record<string, unknown>): GraphQLAnswer {
  const key = `${String(input.purpose)}-${String(input.channel)}`;
  const current = (person.consents as { purpose: string; channel: string }[]).map((c) =>
    `${c.purpose}-${c.channel}` === key ? { ...c, granted: input.granted, method: input.method, at: AT } : c,
  );
  person.consents = current as typeof person.consents;
  return {
    data: {
      recordConsent: {
        person: { id: person.id, consents: current, consentHistory: person.consentHistory },
        errors: [],
      },
    },
  };
}

function api(person: ReturnType<typeof personDetails>, answer?: (input: Record<string, unknown>) => GraphQLAnswer) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      PersonDetails: () => ({ data: { person } }),
      ConsentWordings: () => WORDINGS,
      RecordConsent: (v) => (answer ?? ((input) => recorded(person, input)))(v.input as Record<string, unknown>),
    },
  });
}

async function openForm() {
  await userEvent.click(await screen.findByTestId('consents-edit-open'));
  await waitFor(() => expect(screen.getByTestId('consents-submit')).toBeEnabled());
  return screen.getByTestId('consents-form');
}

describe('consents', () => {
  it('shows each current consent with how and when it was given, and the ledger', async () => {
    signInAs();
    api(personDetails());
    renderApp('/people/UGVyc29uOjQy');
    const rows = await screen.findAllByTestId('person-consent');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveAttribute('data-granted', 'true');
    expect(rows[0]).toHaveTextContent(/News by email\s*Given · online · .*2024/);
    expect(rows[1]).toHaveTextContent('News by SMS');
    expect(rows[1]).toHaveTextContent('Never given');
    expect(within(screen.getByTestId('consent-history')).getByTestId('consent-history-row')).toHaveTextContent(
      /News by email · Given · online · by the person · text news-email-2026-11/,
    );
  });

  it('lets a manager record what the person said on paper, one ledger line per change', async () => {
    signInAs();
    const person = personDetails();
    const mock = api(person);
    renderApp(`/people/${person.id}`);
    const form = await openForm();
    expect(form).toHaveTextContent('Record the consents of Marie Le Gall');
    expect(screen.getByLabelText(/I want the news by SMS/)).toBe(screen.getByTestId('consent-NEWS-SMS'));

    await userEvent.click(screen.getByTestId('consent-NEWS-EMAIL'));
    await userEvent.click(screen.getByTestId('consent-NEWS-SMS'));
    await userEvent.click(screen.getByTestId('consents-submit'));
    // how the person said so is asked first
    expect(screen.getByTestId('consents-errors-method')).toHaveTextContent('Say how the person gave their consent.');
    await waitFor(() => expect(screen.getByTestId('consents-method')).toHaveFocus());
    expect(mock.variablesOf('RecordConsent')).toHaveLength(0);

    await userEvent.selectOptions(screen.getByTestId('consents-method'), 'PAPER_FORM');
    await userEvent.click(screen.getByTestId('consents-submit'));
    await waitFor(() => expect(mock.variablesOf('RecordConsent')).toHaveLength(2));
    expect(mock.variablesOf('RecordConsent')).toEqual([
      { input: { personId: person.id, purpose: 'NEWS', channel: 'EMAIL', granted: false, method: 'PAPER_FORM' } },
      {
        input: { personId: person.id, purpose: 'NEWS', channel: 'SMS', granted: true, method: 'PAPER_FORM', wordingVersion: 'news-sms-2026-11' },
      },
    ]);
    expect(await screen.findByTestId('consents-saved')).toHaveTextContent('2 changes recorded.');
    const rows = screen.getAllByTestId('person-consent');
    expect(rows[0]).toHaveTextContent(/Withdrawn · on a paper form/);
    expect(rows[1]).toHaveTextContent(/Given · on a paper form/);
    expect(mock.variablesOf('PersonDetails')).toHaveLength(1);
  });

  it('does not let a manager give back a consent the person withdrew', async () => {
    signInAs();
    api(personDetails({ consents: consents({ 'NEWS-EMAIL': { method: 'WEB_FORM', at: AT, granted: false } }) }));
    renderApp('/people/UGVyc29uOjQy');
    await openForm();
    const box = screen.getByTestId('consent-NEWS-EMAIL');
    expect(box).toBeDisabled();
    expect(box).toHaveAccessibleDescription('Withdrawn: only Marie Le Gall can give this consent again, from their own page.');
    expect(screen.getByTestId('consent-NEWS-SMS')).toBeEnabled();
  });

  it('lets the person give or withdraw their own consents online, with no method to choose', async () => {
    signInAs();
    const person = personDetails({ isViewer: true, viewerCanManage: false });
    const mock = api(person);
    renderApp(`/people/${person.id}`);
    expect(await screen.findByTestId('consents-edit-open')).toHaveTextContent('Change my consents');
    await openForm();
    expect(screen.queryByTestId('consents-method')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('consent-ACTIONS-SMS'));
    await userEvent.click(screen.getByTestId('consents-submit'));
    await waitFor(() => expect(mock.variablesOf('RecordConsent')).toHaveLength(1));
    expect(mock.variablesOf('RecordConsent')[0]).toEqual({
      input: { personId: person.id, purpose: 'ACTIONS', channel: 'SMS', granted: true, method: 'WEB_FORM', wordingVersion: 'actions-sms-2026-11' },
    });
    expect(await screen.findByTestId('consents-saved')).toHaveTextContent('1 change recorded.');
  });

  it('shows a refusal under its consent, translated, and keeps the form open', async () => {
    signInAs();
    const person = personDetails();
    api(person, () => ({
      data: { recordConsent: { person: null, errors: [{ __typename: 'DomainError', code: 'CONSENT_WITHDRAWN_BY_PERSON', message: 'No.' }] } },
    }));
    renderApp(`/people/${person.id}`);
    await openForm();
    await userEvent.click(screen.getByTestId('consent-ACTIONS-EMAIL'));
    await userEvent.selectOptions(screen.getByTestId('consents-method'), 'ORAL');
    await userEvent.click(screen.getByTestId('consents-submit'));
    const errors = await screen.findByTestId('consents-errors-ACTIONS-EMAIL');
    expect(errors).toHaveTextContent('This person withdrew this consent: only they can give it again.');
    await waitFor(() => expect(errors).toHaveFocus());
    expect(screen.getByTestId('consents-form')).toBeInTheDocument();
  });

  it('closes without recording anything when nothing changed', async () => {
    signInAs();
    const mock = api(personDetails());
    renderApp('/people/UGVyc29uOjQy');
    await openForm();
    await userEvent.click(screen.getByTestId('consents-submit'));
    expect(await screen.findByTestId('consents-saved')).toHaveTextContent('Nothing changed.');
    expect(mock.variablesOf('RecordConsent')).toHaveLength(0);
  });
});
