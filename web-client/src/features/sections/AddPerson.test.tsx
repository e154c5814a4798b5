import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { BREST, peoplePage, person, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const NEW_ID = 'UGVyc29uOjk5';

const added: GraphQLAnswer = { data: { addPerson: { person: { id: NEW_ID }, errors: [] } } };

function api(addAnswer: () => GraphQLAnswer = () => added, grants?: unknown[]) {
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer(grants ? { grants } : {}),
      SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      AddPerson: addAnswer,
      PersonDetails: () => ({ data: { person: null } }),
    },
  });
}

const grant = (level: string, permissions: string[], federationCode = '29') => ({
  id: `g-${level}`,
  role: level === 'SECTION' ? 'DELEGATE' : level === 'FEDERATION' ? 'FEDERATION_SECRETARY' : 'NATIONAL_TEAM',
  level,
  permissions,
  section: level === 'SECTION' ? { id: BREST.id, name: BREST.name } : null,
  federation: level === 'NATIONAL' ? null : { code: federationCode, name: 'F' },
});

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function openForm() {
  await userEvent.click(await screen.findByTestId('add-person-open'));
  return screen.getByTestId('add-person-form');
}

describe('adding a person from the section page', () => {
  it('is not offered without MANAGE_PEOPLE covering the section', async () => {
    signInAs();
    api(undefined, [grant('SECTION', ['VIEW_PEOPLE', 'MANAGE_DELEGATIONS']), grant('FEDERATION', ['MANAGE_PEOPLE'], '75')]);
    renderApp(`/sections/${BREST.id}`);
    await screen.findByTestId('people-table');
    expect(screen.getByTestId('delegations-link')).toBeInTheDocument();
    expect(screen.queryByTestId('add-person-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('add-person-form')).not.toBeInTheDocument();
  });

  it('is offered with MANAGE_PEOPLE on the section, its federation or nationally', async () => {
    for (const grants of [undefined, [grant('FEDERATION', ['MANAGE_PEOPLE'])], [grant('NATIONAL', ['MANAGE_PEOPLE'])]]) {
      signInAs();
      api(undefined, grants);
      const { unmount } = renderApp(`/sections/${BREST.id}`);
      const form = await openForm();
      expect(within(form).getByRole('heading')).toHaveTextContent('Add a person to Brest Centre');
      expect(screen.queryByTestId('add-person-open')).not.toBeInTheDocument();
      unmount();
    }
  });

  it('sends trimmed fields, split tags, the ticked consent only, then opens the new person', async () => {
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
    expect(screen.getByTestId('field-emailConsent-method')).toBeDisabled();
    await userEvent.click(screen.getByTestId('field-emailConsent'));
    await userEvent.selectOptions(screen.getByTestId('field-emailConsent-method'), 'PAPER_FORM');
    // SMS: method changed back and forth but never ticked → omitted
    await userEvent.click(screen.getByTestId('field-smsConsent'));
    await userEvent.selectOptions(screen.getByTestId('field-smsConsent-method'), 'ORAL');
    await userEvent.click(screen.getByTestId('field-smsConsent'));
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
        emailConsent: { granted: true, method: 'PAPER_FORM' },
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

  it('shows a ValidationError under its field and other errors above the button', async () => {
    signInAs();
    const mock = api(() => ({
      data: {
        addPerson: {
          person: null,
          errors: [
            { __typename: 'ValidationError', code: 'INVALID_EMAIL', message: "'yann@' is not a valid email address.", field: 'email' },
            { __typename: 'ValidationError', code: 'INVALID_POSTAL_CODE', message: 'A French postal code has 5 digits.', field: 'address.postalCode' },
            { __typename: 'DomainError', code: 'EMAIL_TAKEN', message: 'Someone already uses this email.' },
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
    expect(email).toHaveAccessibleDescription("'yann@' is not a valid email address.");
    expect(screen.getByTestId('add-person-errors-email')).toHaveTextContent('not a valid email address');
    expect(screen.getByTestId('field-address-postalCode')).toHaveAccessibleDescription('A French postal code has 5 digits.');
    expect(screen.getByTestId('add-person-errors')).toHaveTextContent('Someone already uses this email.');
    expect(screen.getByTestId('add-person-errors')).not.toHaveTextContent('valid email');
    expect(screen.getByTestId('field-firstName')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByTestId('location')).toHaveTextContent(`/sections/${BREST.id}`);
  });

  it('checks required fields and an incomplete address before sending', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}`);
    await openForm();
    fill('field-address-city', 'Brest');
    await userEvent.click(screen.getByTestId('add-person-submit'));
    for (const path of ['kind', 'firstName', 'lastName', 'email']) {
      expect(screen.getByTestId(`add-person-errors-${path}`)).toHaveTextContent('Required.');
    }
    expect(screen.getByTestId('add-person-errors-address-line1')).toHaveTextContent('Required when an address is given.');
    expect(screen.getByTestId('add-person-errors-address-postalCode')).toBeInTheDocument();
    expect(screen.queryByTestId('add-person-errors-address-city')).not.toBeInTheDocument();
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

  it('is translated in French', async () => {
    signInAs();
    const { default: i18n } = await import('../../i18n');
    await i18n.changeLanguage('fr');
    api();
    renderApp(`/sections/${BREST.id}`);
    expect(await screen.findByTestId('add-person-open')).toHaveTextContent('Ajouter une personne');
    await userEvent.click(screen.getByTestId('add-person-open'));
    expect(screen.getByLabelText('Prénom')).toBe(screen.getByTestId('field-firstName'));
    expect(screen.getByTestId('add-person-submit')).toHaveTextContent('Ajouter la personne');
  });
});
