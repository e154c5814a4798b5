import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { personDetails, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const marie = personDetails();

function api(updateAnswer?: (input: Record<string, unknown>) => GraphQLAnswer, person: Record<string, unknown> = marie) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      PersonDetails: () => ({ data: { person } }),
      UpdatePerson: (v) => {
        const input = v.input as Record<string, unknown>;
        if (updateAnswer) return updateAnswer(input);
        const lastName = (input.lastName as string | undefined) ?? (person.lastName as string);
        return { data: { updatePerson: { person: { ...person, ...input, lastName, displayName: `Marie ${lastName}` }, errors: [] } } };
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
  it('is offered only when the API says the viewer manages the person, or it is their own record', async () => {
    signInAs();
    api(undefined, personDetails({ viewerCanManage: false }));
    const { unmount } = renderApp(`/people/${marie.id}`);
    await screen.findByTestId('person-name');
    expect(screen.queryByTestId('person-edit-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consents-edit-open')).not.toBeInTheDocument();
    unmount();

    api(undefined, personDetails({ viewerCanManage: false, isViewer: true }));
    renderApp(`/people/${marie.id}`);
    expect(await screen.findByTestId('person-edit-open')).toHaveTextContent('Change my details');
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
    expect(screen.queryByTestId('field-consent-NEWS-EMAIL')).not.toBeInTheDocument();
  });

  it('sends only the changed fields, then shows what the API answered without reading the person again', async () => {
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
    expect(await screen.findByTestId('person-name')).toHaveTextContent('Marie Le Bihan');
    expect(screen.getByTestId('person-edit-saved')).toHaveTextContent('Changes saved.');
    // opening a person is logged: the page is not read again after a change
    expect(mock.variablesOf('PersonDetails')).toHaveLength(1);
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
    await waitFor(() => expect(screen.getByTestId('person-edit-errors-address')).toHaveFocus());
    expect(mock.variablesOf('UpdatePerson')).toHaveLength(0);
  });

  it('shows a refused change and field errors by code, keeping the form open', async () => {
    signInAs();
    const mock = api(() => ({
      data: {
        updatePerson: {
          person: null,
          errors: [
            { __typename: 'DomainError', code: 'FORBIDDEN', message: 'This person holds rights.' },
            { __typename: 'ValidationError', code: 'INVALID_PHONE', message: "'12' is not valid.", field: 'phone' },
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
    expect(await screen.findByTestId('person-edit-errors')).toHaveTextContent('You are not allowed to see or do this.');
    const phone = screen.getByTestId('field-phone');
    expect(phone).toHaveAccessibleDescription('This is not a valid mobile phone number. Leave empty to remove the phone number.');
    await waitFor(() => expect(phone).toHaveFocus());
    expect(screen.getByTestId('person-edit-form')).toBeInTheDocument();
  });

  it('lets people change their own details but not their kind nor their email', async () => {
    signInAs();
    const mock = api(undefined, personDetails({ viewerCanManage: false, isViewer: true }));
    renderApp(`/people/${marie.id}`);
    const form = await openForm();
    expect(form).toHaveTextContent('My details');
    expect(screen.queryByTestId('field-kind')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-email')).toHaveAttribute('readonly');
    expect(screen.getByTestId('field-email')).toHaveAccessibleDescription(/sign in with this email/);
    fill('field-email', 'other@example.org');
    fill('field-phone', '06 00 00 00 01');
    await userEvent.click(screen.getByTestId('person-edit-submit'));
    await waitFor(() => expect(mock.variablesOf('UpdatePerson')).toHaveLength(1));
    expect(mock.variablesOf('UpdatePerson')[0]).toEqual({ input: { personId: marie.id, phone: '06 00 00 00 01' } });
  });

  it('does not let a manager re-address someone who signs in', async () => {
    signInAs();
    api(undefined, personDetails({ signsIn: true }));
    renderApp(`/people/${marie.id}`);
    await openForm();
    expect(screen.getByTestId('field-email')).toHaveAttribute('readonly');
    expect(screen.getByTestId('field-email')).toHaveAccessibleDescription(/This person signs in with this email/);
    expect(screen.getByTestId('field-phone')).not.toHaveAttribute('readonly');
  });
});
