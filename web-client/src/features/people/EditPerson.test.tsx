import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { BREST, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const marie = {
  id: 'UGVyc29uOjQy',
  kind: 'MEMBER',
  firstName: 'Marie',
  lastName: 'Le Gall',
  displayName: 'Marie Le Gall',
  email: 'marie@example.org',
  phone: '+33612345678',
  address: { line1: '3 rue de Siam', line2: 'Bât. B', postalCode: '29200', city: 'Brest', country: 'FR' },
  location: null,
  tags: ['tractage', 'porte-à-porte'],
  emailConsent: null,
  smsConsent: null,
  profileVisibility: 'SECTION',
  section: BREST,
  grants: [],
  createdAt: '2023-01-01T00:00:00Z',
  updatedAt: '2024-04-01T00:00:00Z',
};

const updated: GraphQLAnswer = { data: { updatePerson: { person: { id: marie.id }, errors: [] } } };

function api(updateAnswer: () => GraphQLAnswer = () => updated, grants?: unknown[]) {
  let current: typeof marie = marie;
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer(grants ? { grants } : {}),
      PersonDetails: () => ({ data: { person: current } }),
      UpdatePerson: (v) => {
        const answer = updateAnswer();
        const input = v.input as Record<string, unknown>;
        if ((answer.data as { updatePerson?: { person?: unknown } } | undefined)?.updatePerson?.person) {
          current = { ...current, ...(input.lastName ? { lastName: input.lastName as string, displayName: `Marie ${String(input.lastName)}` } : {}) };
        }
        return answer;
      },
    },
  });
}

function fill(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

async function openForm() {
  await userEvent.click(await screen.findByTestId('person-edit-open'));
  return screen.getByTestId('person-edit-form');
}

describe('editing a person', () => {
  it('is not offered without MANAGE_PEOPLE covering the person’s section', async () => {
    signInAs();
    api(undefined, [
      {
        id: 'g',
        role: 'DELEGATE',
        level: 'SECTION',
        permissions: ['VIEW_PEOPLE'],
        section: { id: BREST.id, name: BREST.name },
        federation: BREST.federation,
      },
      { id: 'g2', role: 'FEDERATION_SECRETARY', level: 'FEDERATION', permissions: ['MANAGE_PEOPLE'], section: null, federation: { code: '75', name: 'Paris' } },
    ]);
    renderApp(`/people/${marie.id}`);
    await screen.findByTestId('person-name');
    expect(screen.queryByTestId('person-edit-open')).not.toBeInTheDocument();
  });

  it('is prefilled from the person', async () => {
    signInAs();
    api();
    renderApp(`/people/${marie.id}`);
    await openForm();
    expect(screen.getByTestId('field-kind')).toHaveValue('MEMBER');
    expect(screen.getByTestId('field-firstName')).toHaveValue('Marie');
    expect(screen.getByTestId('field-lastName')).toHaveValue('Le Gall');
    expect(screen.getByTestId('field-email')).toHaveValue('marie@example.org');
    expect(screen.getByTestId('field-phone')).toHaveValue('+33612345678');
    expect(screen.getByTestId('field-tags')).toHaveValue('tractage, porte-à-porte');
    expect(screen.getByTestId('field-address-line1')).toHaveValue('3 rue de Siam');
    expect(screen.getByTestId('field-address-postalCode')).toHaveValue('29200');
    expect(screen.getByTestId('field-address-city')).toHaveValue('Brest');
    expect(screen.getByTestId('field-profileVisibility')).toHaveValue('SECTION');
    expect(screen.queryByTestId('field-emailConsent')).not.toBeInTheDocument();
  });

  it('sends only the changed fields, then refreshes and closes', async () => {
    signInAs();
    const mock = api();
    renderApp(`/people/${marie.id}`);
    await openForm();
    fill('field-firstName', ' Marie ');
    fill('field-lastName', 'Le Bihan');
    await userEvent.clear(screen.getByTestId('field-phone'));
    fill('field-tags', 'tractage, porte-à-porte, phoning');
    await userEvent.selectOptions(screen.getByTestId('field-profileVisibility'), 'PRIVATE');
    await userEvent.click(screen.getByTestId('person-edit-submit'));

    await waitFor(() => expect(mock.variablesOf('UpdatePerson')).toHaveLength(1));
    expect(mock.variablesOf('UpdatePerson')[0]).toEqual({
      input: {
        personId: marie.id,
        lastName: 'Le Bihan',
        phone: '',
        tags: ['tractage', 'porte-à-porte', 'phoning'],
        profileVisibility: 'PRIVATE',
      },
    });
    await waitFor(() => expect(screen.queryByTestId('person-edit-form')).not.toBeInTheDocument());
    expect(mock.variablesOf('PersonDetails')).toHaveLength(2);
    expect(await screen.findByTestId('person-name')).toHaveTextContent('Marie Le Bihan');
    expect(screen.getByTestId('person-edit-saved')).toHaveTextContent('Changes saved.');
  });

  it('sends a changed address whole, keeping its line 2 and country', async () => {
    signInAs();
    const mock = api();
    renderApp(`/people/${marie.id}`);
    await openForm();
    fill('field-address-city', 'Brest Cedex');
    await userEvent.click(screen.getByTestId('person-edit-submit'));
    await waitFor(() => expect(mock.variablesOf('UpdatePerson')).toHaveLength(1));
    expect(mock.variablesOf('UpdatePerson')[0]).toEqual({
      input: {
        personId: marie.id,
        address: { line1: '3 rue de Siam', line2: 'Bât. B', postalCode: '29200', city: 'Brest Cedex', country: 'FR' },
      },
    });
  });

  it('sends nothing when nothing changed, and refuses to remove the address', async () => {
    signInAs();
    const mock = api();
    renderApp(`/people/${marie.id}`);
    await openForm();
    fill('field-tags', ' tractage ,porte-à-porte');
    await userEvent.click(screen.getByTestId('person-edit-submit'));
    await waitFor(() => expect(screen.queryByTestId('person-edit-form')).not.toBeInTheDocument());

    await openForm();
    fill('field-address-line1', '');
    fill('field-address-postalCode', '');
    fill('field-address-city', '');
    await userEvent.click(screen.getByTestId('person-edit-submit'));
    expect(screen.getByTestId('person-edit-errors-address')).toHaveTextContent('An address can be changed but not removed.');
    expect(mock.variablesOf('UpdatePerson')).toHaveLength(0);
  });

  it('shows a refused email change and field errors, keeping the form open', async () => {
    signInAs();
    const mock = api(() => ({
      data: {
        updatePerson: {
          person: null,
          errors: [
            { __typename: 'DomainError', code: 'FORBIDDEN', message: 'This person holds rights: only those who appoint them may change their email.' },
            { __typename: 'ValidationError', code: 'INVALID_PHONE', message: "'12' is not a valid mobile phone number.", field: 'phone' },
          ],
        },
      },
    }));
    renderApp(`/people/${marie.id}`);
    await openForm();
    fill('field-email', 'marie.legall@example.org');
    fill('field-phone', '12');
    await userEvent.click(screen.getByTestId('person-edit-submit'));
    await waitFor(() => expect(mock.variablesOf('UpdatePerson')).toHaveLength(1));
    expect(mock.variablesOf('UpdatePerson')[0]).toEqual({
      input: { personId: marie.id, email: 'marie.legall@example.org', phone: '12' },
    });
    expect(await screen.findByTestId('person-edit-errors')).toHaveTextContent('only those who appoint them may change their email');
    expect(screen.getByTestId('field-phone')).toHaveAccessibleDescription(
      "'12' is not a valid mobile phone number. Leave empty to remove the phone number.",
    );
    expect(screen.getByTestId('person-edit-form')).toBeInTheDocument();
    expect(mock.variablesOf('PersonDetails')).toHaveLength(1);
  });
});
