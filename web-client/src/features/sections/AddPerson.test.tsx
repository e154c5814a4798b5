import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { BREST, peoplePage, person, viewerAnswer, WORDINGS } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const NEW_ID = 'UGVyc29uOjk5';

const added: GraphQLAnswer = { data: { addPerson: { person: { id: NEW_ID }, errors: [] } } };

function api(addAnswer: () => GraphQLAnswer = () => added, viewerPermissions?: string[]) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null, viewerPermissions }),
      ConsentWordings: () => WORDINGS,
      AddPerson: addAnswer,
      PersonDetails: () => ({ data: { person: null } }),
    },
  });
}

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function openForm() {
  await userEvent.click(await screen.findByTestId('add-person-open'));
  const form = screen.getByTestId('add-person-form');
  await waitFor(() => expect(screen.getByTestId('add-person-submit')).toBeEnabled());
  return form;
}

describe('adding a person from the section page', () => {
  it('is not offered without MANAGE_PEOPLE over the section', async () => {
    signInAs();
    api(undefined, ['VIEW_PEOPLE', 'MANAGE_DELEGATIONS']);
    renderApp(`/sections/${BREST.id}`);
    await screen.findByTestId('people-table');
    expect(screen.getByTestId('delegations-link')).toBeInTheDocument();
    expect(screen.queryByTestId('add-person-open')).not.toBeInTheDocument();
  });

  it('is offered with MANAGE_PEOPLE over the section', async () => {
    signInAs();
    api(undefined, ['MANAGE_PEOPLE']);
    renderApp(`/sections/${BREST.id}`);
    const form = await openForm();
    expect(within(form).getByRole('heading')).toHaveTextContent('Add a person to Brest Centre');
    expect(screen.queryByTestId('add-person-open')).not.toBeInTheDocument();
  });

  it('sends trimmed fields, split tags and the ticked consents with their wording and method, then opens the new person', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}`);
    await openForm();

    await userEvent.selectOptions(screen.getByTestId('field-kind'), 'SUPPORTER');
    fill('field-firstName', ' Yann ');
    fill('field-lastName', 'Le Goff');
    fill('field-email', 'yann@example.org ');
    fill('field-phone', '06 12 34 56 78');
    fill('field-tags', ' tractage,  porte-à-porte , ,');
    fill('field-address-line1', '3 rue de Siam');
    fill('field-address-postalCode', '29200');
    fill('field-address-city', 'Brest');
    // the exact text the person agreed to is next to its box
    expect(screen.getByLabelText(/I want the news by email/)).toBe(screen.getByTestId('field-consent-NEWS-EMAIL'));
    await userEvent.click(screen.getByTestId('field-consent-NEWS-EMAIL'));
    await userEvent.click(screen.getByTestId('field-consent-ACTIONS-SMS'));
    // ticked then unticked: not sent
    await userEvent.click(screen.getByTestId('field-consent-NEWS-SMS'));
    await userEvent.click(screen.getByTestId('field-consent-NEWS-SMS'));
    await userEvent.selectOptions(screen.getByTestId('field-consentMethod'), 'ORAL');
    await userEvent.click(screen.getByTestId('add-person-submit'));

    await waitFor(() => expect(mock.variablesOf('AddPerson')).toHaveLength(1));
    expect(mock.variablesOf('AddPerson')[0]).toEqual({
      input: {
        sectionId: BREST.id,
        kind: 'SUPPORTER',
        firstName: 'Yann',
        lastName: 'Le Goff',
        email: 'yann@example.org',
        phone: '06 12 34 56 78',
        tags: ['tractage', 'porte-à-porte'],
        address: { line1: '3 rue de Siam', postalCode: '29200', city: 'Brest' },
        consents: [
          { purpose: 'NEWS', channel: 'EMAIL', granted: true, method: 'ORAL', wordingVersion: 'news-email-2026-11' },
          { purpose: 'ACTIONS', channel: 'SMS', granted: true, method: 'ORAL', wordingVersion: 'actions-sms-2026-11' },
        ],
      },
    });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/people/${NEW_ID}`));
  });

  it('omits the optional parts left empty', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}`);
    await openForm();
    await userEvent.selectOptions(screen.getByTestId('field-kind'), 'MEMBER');
    fill('field-firstName', 'Yann');
    fill('field-lastName', 'Le Goff');
    fill('field-email', 'yann@example.org');
    fill('field-tags', ' , ');
    await userEvent.click(screen.getByTestId('add-person-submit'));
    await waitFor(() => expect(mock.variablesOf('AddPerson')).toHaveLength(1));
    expect(mock.variablesOf('AddPerson')[0]).toEqual({
      input: { sectionId: BREST.id, kind: 'MEMBER', firstName: 'Yann', lastName: 'Le Goff', email: 'yann@example.org' },
    });
  });

  it('translates the errors by code, under their field or above the button, and focuses the first', async () => {
    signInAs();
    const mock = api(() => ({
      data: {
        addPerson: {
          person: null,
          errors: [
            { __typename: 'ValidationError', code: 'INVALID_EMAIL', message: "'yann@' is not valid.", field: 'email' },
            { __typename: 'ValidationError', code: 'INVALID_POSTAL_CODE', message: '5 digits.', field: 'address.postalCode' },
            { __typename: 'DomainError', code: 'EMAIL_TAKEN', message: 'Taken.' },
            { __typename: 'DomainError', code: 'SOMETHING_NEW', message: 'A rule this client does not know yet.' },
          ],
        },
      },
    }));
    renderApp(`/sections/${BREST.id}`);
    await openForm();
    await userEvent.selectOptions(screen.getByTestId('field-kind'), 'MEMBER');
    fill('field-firstName', 'Yann');
    fill('field-lastName', 'Le Goff');
    fill('field-email', 'yann@');
    fill('field-address-line1', '1 quai');
    fill('field-address-postalCode', '292');
    fill('field-address-city', 'Brest');
    await userEvent.click(screen.getByTestId('add-person-submit'));

    await waitFor(() => expect(mock.variablesOf('AddPerson')).toHaveLength(1));
    const email = screen.getByTestId('field-email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('This is not a valid email address.');
    expect(email).toHaveFocus();
    expect(screen.getByTestId('field-address-postalCode')).toHaveAccessibleDescription('A French postal code has 5 digits.');
    const general = screen.getByTestId('add-person-errors');
    expect(general).toHaveTextContent('Someone you can see already has this email.');
    expect(general).toHaveTextContent('Something went wrong. Please try again.');
    expect(general).not.toHaveTextContent('does not know');
    expect(screen.getByTestId('field-firstName')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('location')).toHaveTextContent(`/sections/${BREST.id}`);
  });

  it('checks required fields, an incomplete address and the consent method before sending', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}`);
    await openForm();
    fill('field-address-city', 'Brest');
    await userEvent.click(screen.getByTestId('field-consent-NEWS-EMAIL'));
    await userEvent.click(screen.getByTestId('add-person-submit'));
    for (const path of ['kind', 'firstName', 'lastName', 'email']) {
      expect(screen.getByTestId(`add-person-errors-${path}`)).toHaveTextContent('Required.');
    }
    expect(screen.getByTestId('add-person-errors-address-line1')).toHaveTextContent('Required when an address is given.');
    expect(screen.getByTestId('add-person-errors-address-postalCode')).toBeInTheDocument();
    expect(screen.queryByTestId('add-person-errors-address-city')).not.toBeInTheDocument();
    expect(screen.getByTestId('add-person-errors-consentMethod')).toHaveTextContent('Say how the person gave their consent.');
    await waitFor(() => expect(screen.getByTestId('field-kind')).toHaveFocus());
    expect(mock.variablesOf('AddPerson')).toHaveLength(0);
  });

  it('closes on cancel', async () => {
    signInAs();
    api();
    renderApp(`/sections/${BREST.id}`);
    await openForm();
    await userEvent.click(screen.getByTestId('add-person-cancel'));
    expect(screen.queryByTestId('add-person-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('add-person-open')).toBeInTheDocument();
  });

  it('is translated in French, consent wording included', async () => {
    signInAs();
    const { default: i18n } = await import('../../i18n');
    await i18n.changeLanguage('fr');
    api();
    renderApp(`/sections/${BREST.id}`);
    expect(await screen.findByTestId('add-person-open')).toHaveTextContent('Ajouter une personne');
    await openForm();
    expect(screen.getByLabelText('Prénom')).toBe(screen.getByTestId('field-firstName'));
    expect(screen.getByLabelText(/Je veux les nouvelles par e-mail/)).toBe(screen.getByTestId('field-consent-NEWS-EMAIL'));
    expect(screen.getByTestId('add-person-submit')).toHaveTextContent('Ajouter la personne');
  });
});
