import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { BREST, peoplePage, person, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { PAGE_SIZE } from './SectionPeople';

const firstPage = Array.from({ length: PAGE_SIZE }, (_, i) => person(i + 1, i % 4 === 0 ? 'SUPPORTER' : 'MEMBER'));
const secondPage = [person(26), person(27)];

function pagedApi() {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      SectionPeople: (v) =>
        v.after === 'cursor-25'
          ? peoplePage(secondPage, { total: 27, hasNextPage: false, endCursor: 'cursor-27' })
          : peoplePage(firstPage, { total: 27, hasNextPage: true, endCursor: 'cursor-25' }),
    },
  });
}

describe('section people', () => {
  it('shows the section of the first section-level grant with its people', async () => {
    signInAs();
    const api = pagedApi();
    renderApp('/');
    expect(await screen.findByTestId('section-name')).toHaveTextContent('Brest Centre');
    const table = await screen.findByTestId('people-table');
    const rows = within(table).getAllByTestId('person-row');
    expect(rows).toHaveLength(PAGE_SIZE);
    expect(rows[0]).toHaveTextContent('Person 1');
    expect(rows[0]).toHaveTextContent('Supporter');
    expect(rows[0]).toHaveTextContent('person1@example.org');
    expect(rows[2]).toHaveTextContent('porte-à-porte');
    expect(screen.getByTestId('people-total')).toHaveTextContent('27 people');
    expect(api.variablesOf('SectionPeople')[0]).toEqual({ id: BREST.id, first: 25, after: null, filter: null });
  });

  it('pages forward and back with a stack of cursors', async () => {
    signInAs();
    const api = pagedApi();
    renderApp(`/sections/${BREST.id}`);
    await screen.findByTestId('people-table');
    expect(screen.getByTestId('people-prev')).toBeDisabled();

    await userEvent.click(screen.getByTestId('people-next'));
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(2));
    expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ after: 'cursor-25', first: 25 });
    expect(screen.getByTestId('people-next')).toBeDisabled();
    expect(screen.getByTestId('people-total')).toHaveTextContent('26–27');

    await userEvent.click(screen.getByTestId('people-prev'));
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(PAGE_SIZE));
    expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ after: null });
  });

  it('searches (debounced) and filters by kind, starting again from the first page', async () => {
    signInAs();
    const api = pagedApi();
    renderApp(`/sections/${BREST.id}`);
    await screen.findByTestId('people-table');
    await userEvent.click(screen.getByTestId('people-next'));
    await waitFor(() => expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ after: 'cursor-25' }));

    fireEvent.change(screen.getByTestId('people-search'), { target: { value: 'mar' } });
    fireEvent.change(screen.getByTestId('people-search'), { target: { value: 'marie' } });
    await waitFor(() =>
      expect(api.variablesOf('SectionPeople').at(-1)).toEqual({
        id: BREST.id,
        first: 25,
        after: null,
        filter: { search: 'marie' },
      }),
    );
    // the intermediate value was never sent
    expect(api.variablesOf('SectionPeople').some((v) => JSON.stringify(v).includes('"mar"'))).toBe(false);

    await userEvent.selectOptions(screen.getByTestId('people-kind-filter'), 'SUPPORTER');
    await waitFor(() =>
      expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ filter: { search: 'marie', kind: 'SUPPORTER' } }),
    );
  });

  it('opens the person page when a row is clicked', async () => {
    signInAs();
    pagedApi();
    renderApp(`/sections/${BREST.id}`);
    const rows = await screen.findAllByTestId('person-row');
    await userEvent.click(within(rows[1]!).getByText('person2@example.org'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/people/${person(2).id}`));
  });

  it('shows the delegations link to those who manage delegations there only', async () => {
    signInAs();
    pagedApi();
    renderApp(`/sections/${BREST.id}`);
    expect(await screen.findByTestId('delegations-link')).toHaveAttribute('href', `/sections/${BREST.id}/delegations`);
  });

  it('hides the delegations link from a delegate who may only view people', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: () =>
          viewerAnswer({
            grants: [
              {
                id: 'g',
                role: 'DELEGATE',
                level: 'SECTION',
                permissions: ['VIEW_PEOPLE'],
                section: { id: BREST.id, name: BREST.name },
                federation: BREST.federation,
              },
            ],
          }),
        SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      },
    });
    renderApp('/');
    await screen.findByTestId('people-table');
    expect(screen.queryByTestId('delegations-link')).not.toBeInTheDocument();
  });

  it('says so when the viewer has no right to see the people', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: () => viewerAnswer({ grants: [] }),
        SectionPeople: () => ({
          data: { section: BREST, peopleOf: null },
          errors: [{ message: 'Forbidden', path: ['peopleOf', 'people'], extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    });
    renderApp('/');
    expect(await screen.findByTestId('people-forbidden')).toHaveTextContent(
      'You have no right to see the people of this section',
    );
    expect(screen.getByTestId('section-name')).toHaveTextContent('Brest Centre');
    expect(screen.queryByTestId('people-table')).not.toBeInTheDocument();
  });

  it('offers a section picker to federation officers', async () => {
    signInAs();
    const api = mockApi({
      graphql: {
        Viewer: () =>
          viewerAnswer({
            grants: [
              {
                id: 'g',
                role: 'FEDERATION_SECRETARY',
                level: 'FEDERATION',
                permissions: ['VIEW_PEOPLE', 'MANAGE_DELEGATIONS'],
                section: null,
                federation: { code: '29', name: 'Finistère' },
              },
            ],
          }),
        FederationSections: () => ({
          data: {
            federation: {
              code: '29',
              name: 'Finistère',
              sections: {
                edges: [
                  { node: { id: BREST.id, name: 'Brest Centre' } },
                  null,
                  { node: { id: 'U2VjdGlvbjoy', name: 'Quimper' } },
                ],
              },
            },
          },
        }),
        SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      },
    });
    renderApp('/');
    const picker = await screen.findByTestId('section-picker');
    await screen.findByRole('option', { name: 'Quimper' });
    expect(api.variablesOf('FederationSections')[0]).toEqual({ code: '29' });
    await userEvent.selectOptions(picker, 'U2VjdGlvbjoy');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/sections/U2VjdGlvbjoy'));
    // a federation grant also gives the delegations link on the sections of the federation
    expect(await screen.findByTestId('delegations-link')).toBeInTheDocument();
  });
});
