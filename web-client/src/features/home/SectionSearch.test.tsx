import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { BREST, peoplePage, person, viewerAnswer } from '../../test/fixtures';
import { actAsPhone, renderApp } from '../../test/render';

const QUIMPER = { id: 'U2VjdGlvbjoy', name: 'Quimper', federation: { code: '29', name: 'Finistère' } };

const federationSecretary = {
  id: 'g',
  role: 'FEDERATION_SECRETARY',
  level: 'FEDERATION',
  permissions: ['VIEW_PEOPLE', 'MANAGE_DELEGATIONS'],
  section: null,
  federation: { code: '29', name: 'Finistère' },
};

function api(grants: unknown[]) {
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants }),
      SectionSearch: (v) => ({
        data: {
          sections: {
            pageInfo: { hasNextPage: !v.search },
            items: [BREST, QUIMPER].filter((s) => !v.search || s.name.toLowerCase().includes(String(v.search).toLowerCase())),
          },
        },
      }),
      SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
    },
  });
}

describe('section search', () => {
  it('finds the sections of a federation officer’s federation by name and opens one', async () => {
    signInAs();
    const mock = api([federationSecretary]);
    renderApp('/');
    const box = await screen.findByLabelText('Find a section');
    expect(box).toBe(screen.getByTestId('section-search'));
    await waitFor(() => expect(screen.getAllByTestId('section-search-result')).toHaveLength(2));
    expect(mock.variablesOf('SectionSearch')[0]).toEqual({ search: null, federationCode: '29', first: 20 });
    expect(screen.getByTestId('section-search-more')).toBeInTheDocument();

    fireEvent.change(box, { target: { value: 'quim' } });
    await waitFor(() => expect(mock.variablesOf('SectionSearch').at(-1)).toEqual({ search: 'quim', federationCode: '29', first: 20 }));
    await waitFor(() => expect(screen.getAllByTestId('section-search-result')).toHaveLength(1));
    const result = screen.getByTestId('section-search-result');
    expect(result.closest('li')).toHaveTextContent('Quimper 29 · Finistère');
    await userEvent.click(result);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(`/sections/${QUIMPER.id}`));
  });

  it('searches every section for the national team, and says when nothing matches', async () => {
    signInAs();
    const mock = api([{ ...federationSecretary, role: 'NATIONAL_TEAM', level: 'NATIONAL', federation: null }]);
    renderApp('/');
    const box = await screen.findByTestId('section-search');
    await waitFor(() => expect(mock.variablesOf('SectionSearch')).toHaveLength(1));
    expect(mock.variablesOf('SectionSearch')[0]).toMatchObject({ federationCode: null });
    fireEvent.change(box, { target: { value: 'lorient' } });
    expect(await screen.findByText('No section matches.')).toBeInTheDocument();
  });

  it('is not offered to a section secretary, and is a list of links on a phone', async () => {
    signInAs();
    api([{ ...federationSecretary, role: 'SECTION_SECRETARY', level: 'SECTION', section: BREST }]);
    const { unmount } = renderApp('/');
    await screen.findByTestId('people-table');
    expect(screen.queryByTestId('section-search')).not.toBeInTheDocument();
    unmount();

    actAsPhone();
    api([federationSecretary]);
    renderApp('/');
    const list = await screen.findByTestId('section-search-results');
    expect(within(list).getAllByRole('link')).toHaveLength(2);
  });
});
