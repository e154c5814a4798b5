import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { BREST, peoplePage, person, viewerAnswer } from '../../test/fixtures';
import { actAsPhone, renderApp } from '../../test/render';
import { PAGE_SIZE } from './peopleParams';

const firstPage = Array.from({ length: PAGE_SIZE }, (_, i) => person(i + 1, i % 4 === 0 ? 'SUPPORTER' : 'MEMBER'));
const secondPage = [person(26), person(27)];

function pagedApi(viewerPermissions?: string[]) {
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      SectionPeople: (v) =>
        v.after === 'cursor-25'
          ? peoplePage(secondPage, { total: 27, hasNextPage: false, endCursor: 'cursor-27', hasPreviousPage: true, startCursor: 'cursor-26', viewerPermissions })
          : peoplePage(firstPage, { total: 27, hasNextPage: true, endCursor: 'cursor-25', startCursor: 'cursor-1', viewerPermissions }),
    },
  });
}

const location = () => screen.getByTestId('location').textContent ?? '';

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
    expect(within(rows[0]!).getByTestId('person-tel')).toHaveAttribute('href', 'tel:+33612345671');
    expect(rows[2]).toHaveTextContent('porte-à-porte');
    expect(screen.getByTestId('people-total')).toHaveTextContent('27 people');
    expect(api.variablesOf('SectionPeople')[0]).toEqual({ id: BREST.id, first: 25, after: null, filter: null, sort: 'NAME_ASC' });
    await waitFor(() => expect(document.title).toBe('Brest Centre · Coopol'));
  });

  it('pages with the cursors in the URL: forward with after, back with before', async () => {
    signInAs();
    const api = pagedApi();
    renderApp(`/sections/${BREST.id}`);
    await screen.findByTestId('people-table');
    expect(screen.getByTestId('people-prev')).toBeDisabled();

    await userEvent.click(screen.getByTestId('people-next'));
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(2));
    expect(location()).toBe(`/sections/${BREST.id}?after=cursor-25`);
    expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ after: 'cursor-25', first: 25 });
    expect(screen.getByTestId('people-next')).toBeDisabled();

    await userEvent.click(screen.getByTestId('people-prev'));
    await waitFor(() => expect(location()).toBe(`/sections/${BREST.id}?before=cursor-26`));
    expect(api.variablesOf('SectionPeople').at(-1)).toEqual({ id: BREST.id, last: 25, before: 'cursor-26', filter: null, sort: 'NAME_ASC' });
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(PAGE_SIZE));
  });

  it('searches (debounced) and filters by kind, tag and sort, starting again from the first page', async () => {
    signInAs();
    const api = pagedApi();
    renderApp(`/sections/${BREST.id}?after=cursor-25`);
    await screen.findByTestId('people-table');

    fireEvent.change(screen.getByTestId('people-search'), { target: { value: 'mar' } });
    fireEvent.change(screen.getByTestId('people-search'), { target: { value: 'marie ' } });
    await waitFor(() =>
      expect(api.variablesOf('SectionPeople').at(-1)).toEqual({
        id: BREST.id,
        first: 25,
        after: null,
        filter: { search: 'marie' },
        sort: 'NAME_ASC',
      }),
    );
    // the intermediate value was never sent, and the cursor of another list was dropped
    expect(api.variablesOf('SectionPeople').some((v) => JSON.stringify(v).includes('"mar"'))).toBe(false);
    expect(location()).toBe(`/sections/${BREST.id}?q=marie`);

    await userEvent.selectOptions(screen.getByTestId('people-kind-filter'), 'SUPPORTER');
    fireEvent.change(screen.getByTestId('people-tag-filter'), { target: { value: 'tractage' } });
    await userEvent.selectOptions(screen.getByTestId('people-sort'), 'CREATED_AT_DESC');
    await waitFor(() =>
      expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({
        filter: { search: 'marie', kind: 'SUPPORTER', tag: 'tractage' },
        sort: 'CREATED_AT_DESC',
      }),
    );
    const query = new URLSearchParams(location().split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({ q: 'marie', kind: 'SUPPORTER', tag: 'tractage', sort: 'CREATED_AT_DESC' });
  });

  it('opens a shared link with its page, search and filters, and Back comes back to them', async () => {
    signInAs();
    const api = pagedApi();
    renderApp(`/sections/${BREST.id}?q=le%20gall&kind=MEMBER&tag=tractage&sort=NAME_DESC&after=cursor-25`);
    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(2));
    expect(api.variablesOf('SectionPeople')[0]).toEqual({
      id: BREST.id,
      first: 25,
      after: 'cursor-25',
      filter: { search: 'le gall', kind: 'MEMBER', tag: 'tractage' },
      sort: 'NAME_DESC',
    });
    expect(screen.getByTestId('people-search')).toHaveValue('le gall');
    expect(screen.getByTestId('people-kind-filter')).toHaveValue('MEMBER');
    expect(screen.getByTestId('people-tag-filter')).toHaveValue('tractage');
    expect(screen.getByTestId('people-sort')).toHaveValue('NAME_DESC');

    await userEvent.click(screen.getAllByTestId('person-link')[0]!);
    await waitFor(() => expect(location()).toMatch(/^\/people\//));
    await userEvent.click(screen.getByTestId('history-back'));
    await waitFor(() => expect(location()).toContain('after=cursor-25'));
    expect(await screen.findByTestId('people-search')).toHaveValue('le gall');
    expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ after: 'cursor-25', sort: 'NAME_DESC' });
  });

  it('offers the first page again when a cursor of the URL is no longer valid', async () => {
    signInAs();
    const api = mockApi({
      graphql: {
        Viewer: viewerAnswer,
        SectionPeople: (v) =>
          v.after === 'stale'
            ? { data: { section: { ...BREST, viewerPermissions: [] }, peopleOf: null }, errors: [{ message: 'bad', path: ['peopleOf', 'people'], extensions: { code: 'INVALID_CURSOR' } }] }
            : peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      },
    });
    renderApp(`/sections/${BREST.id}?after=stale`);
    expect(await screen.findByTestId('api-error')).toHaveTextContent('This page of the list is no longer valid.');
    await userEvent.click(screen.getByTestId('people-first-page'));
    await screen.findByTestId('people-table');
    expect(api.variablesOf('SectionPeople').at(-1)).toMatchObject({ after: null });
  });

  it('opens the person page when a row is clicked', async () => {
    signInAs();
    pagedApi();
    renderApp(`/sections/${BREST.id}`);
    const rows = await screen.findAllByTestId('person-row');
    await userEvent.click(within(rows[1]!).getByText('person2@example.org'));
    await waitFor(() => expect(location()).toBe(`/people/${person(2).id}`));
  });

  it('shows people as cards with a tap-to-call phone on a phone', async () => {
    signInAs();
    actAsPhone();
    pagedApi();
    renderApp(`/sections/${BREST.id}`);
    const cards = await screen.findByTestId('people-cards');
    expect(screen.queryByTestId('people-table')).not.toBeInTheDocument();
    const first = within(cards).getAllByTestId('person-row')[0]!;
    expect(within(first).getByTestId('person-link')).toHaveTextContent('Person 1');
    const tel = within(first).getByTestId('person-tel');
    expect(tel).toHaveAttribute('href', 'tel:+33612345671');
    expect(tel).toHaveTextContent('+33 6 12 34 56 71');
  });

  it('offers only what the viewer holds over the section', async () => {
    signInAs();
    pagedApi();
    const { unmount } = renderApp(`/sections/${BREST.id}`);
    expect(await screen.findByTestId('delegations-link')).toHaveAttribute('href', `/sections/${BREST.id}/delegations`);
    expect(screen.getByTestId('add-person-open')).toBeInTheDocument();
    expect(screen.getByTestId('people-export')).toHaveTextContent('Export (CSV)');
    expect(screen.getByTestId('section-messages-link')).toHaveAttribute('href', `/messages?section=${BREST.id}`);
    unmount();

    // a delegate who may only view people: the export, nothing to manage
    pagedApi(['VIEW_PEOPLE']);
    renderApp(`/sections/${BREST.id}`);
    await screen.findByTestId('people-table');
    expect(screen.getByTestId('people-export')).toBeInTheDocument();
    expect(screen.queryByTestId('delegations-link')).not.toBeInTheDocument();
    expect(screen.queryByTestId('add-person-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('section-messages-link')).not.toBeInTheDocument();
  });

  it('says so when the viewer has no right to see the people', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: () => viewerAnswer({ grants: [{ id: 'g', role: 'DELEGATE', level: 'SECTION', permissions: ['SEND_MESSAGES'], section: BREST, federation: BREST.federation }] }),
        SectionPeople: () => ({
          data: { section: { ...BREST, viewerPermissions: ['SEND_MESSAGES'] }, peopleOf: null },
          errors: [{ message: 'Forbidden', path: ['peopleOf', 'people'], extensions: { code: 'FORBIDDEN' } }],
        }),
      },
    });
    renderApp('/');
    expect(await screen.findByTestId('people-forbidden')).toHaveTextContent('You have no right to see the people of this section');
    expect(screen.getByTestId('section-name')).toHaveTextContent('Brest Centre');
    expect(screen.queryByTestId('people-table')).not.toBeInTheDocument();
    expect(screen.queryByTestId('people-export')).not.toBeInTheDocument();
  });

  it('moves focus to the heading of the page it navigates to', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
        PersonDetails: () => ({ data: { person: null } }),
      },
    });
    renderApp(`/sections/${BREST.id}`);
    const heading = await screen.findByTestId('section-name');
    // the first page opened keeps focus where the browser puts it
    expect(heading).not.toHaveFocus();
    fireEvent.change(screen.getByTestId('people-search'), { target: { value: 'x' } });
    await userEvent.click(screen.getByTestId('person-link'));
    const notFound = await screen.findByRole('heading', { level: 1, name: 'Person not found' });
    await waitFor(() => expect(notFound).toHaveFocus());
  });
});
