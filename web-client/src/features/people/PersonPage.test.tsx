import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
import { BREST, personDetails, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const marie = personDetails({
  grants: {
    items: [
      {
        id: 'g1',
        role: 'DELEGATE',
        level: 'SECTION',
        permissions: ['VIEW_PEOPLE', 'SEND_MESSAGES'],
        section: { id: BREST.id, name: BREST.name },
        federation: BREST.federation,
        grantedAt: '2024-04-01T08:00:00Z',
        expiresAt: null,
      },
    ],
  },
});

function api(person: unknown) {
  return mockApi({ graphql: { Viewer: viewerAnswer, PersonDetails: () => ({ data: { person } }) } });
}

describe('person page', () => {
  it('shows every field of the person, the title and a tap-to-call phone', async () => {
    signInAs();
    const mock = api(marie);
    renderApp(`/people/${marie.id}`);

    expect(await screen.findByTestId('person-name')).toHaveTextContent('Marie Le Gall');
    expect(mock.variablesOf('PersonDetails')[0]).toEqual({ id: marie.id });
    expect(screen.getByTestId('person-kind')).toHaveTextContent('Member');
    expect(screen.getByTestId('person-email')).toHaveTextContent('marie@example.org');
    expect(within(screen.getByTestId('person-phone')).getByRole('link')).toHaveAttribute('href', 'tel:+33612345678');
    expect(screen.getByTestId('person-phone')).toHaveTextContent('+33 6 12 34 56 78');
    expect(screen.getByTestId('person-address')).toHaveTextContent('3 rue de Siam');
    expect(screen.getByTestId('person-address')).toHaveTextContent('29200 Brest');
    expect(screen.getByTestId('person-tags')).toHaveTextContent('tractage');
    expect(screen.getByTestId('person-visibility')).toHaveTextContent('Visible to the section');
    expect(screen.getByTestId('person-section')).toHaveTextContent('Brest Centre');
    await waitFor(() => expect(document.title).toBe('Marie Le Gall · Coopol'));

    const grant = within(screen.getByTestId('person-grants')).getByTestId('person-grant');
    expect(grant).toHaveTextContent('Delegate');
    expect(grant).toHaveTextContent('View people');
    expect(grant).toHaveTextContent('Send messages');
    expect(grant).toHaveTextContent('no end date');
    // the access log is the person's and the national team's only
    expect(screen.queryByTestId('access-log-panel')).not.toBeInTheDocument();
  });

  it('shows only the name to a fellow member who sees no details, and offers nothing', async () => {
    signInAs();
    api(
      personDetails({
        email: null,
        phone: null,
        address: null,
        tags: null,
        profileVisibility: null,
        createdAt: null,
        updatedAt: null,
        viewerSeesDetails: false,
        viewerCanManage: false,
        grants: null,
        consents: null,
        consentHistory: null,
      }),
    );
    renderApp(`/people/${marie.id}`);
    expect(await screen.findByTestId('person-name-only')).toHaveTextContent('Marie shares only their name with you.');
    expect(screen.queryByTestId('person-email')).not.toBeInTheDocument();
    expect(screen.queryByTestId('person-edit-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('consents-panel')).not.toBeInTheDocument();
    expect(screen.queryByTestId('person-grants')).not.toBeInTheDocument();
  });

  it('shows who opened the profile when the API gives the access log', async () => {
    signInAs();
    api(
      personDetails({
        accessLog: {
          pageInfo: { hasNextPage: true },
          items: [
            { kind: 'VIEWED_PERSON', at: '2024-05-02T09:30:00Z', actorName: 'Nolwenn Kerjean' },
            { kind: 'EXPORTED_PEOPLE', at: '2024-05-01T09:30:00Z', actorName: null },
          ],
        },
      }),
    );
    renderApp(`/people/${marie.id}`);
    const entries = await screen.findAllByTestId('access-log-entry');
    expect(entries[0]).toHaveTextContent('Nolwenn Kerjean opened the profile');
    expect(entries[1]).toHaveTextContent('Someone since erased exported it in a file');
    expect(screen.getByTestId('access-log-panel')).toHaveTextContent('Only the latest 2 are shown.');
  });

  it('says not found or not visible when person is null', async () => {
    signInAs();
    api(null);
    renderApp('/people/unknown');
    expect(await screen.findByTestId('person-not-found')).toHaveTextContent('does not exist or is not visible');
    await waitFor(() => expect(document.title).toBe('Person not found · Coopol'));
  });

  it('is translated in French', async () => {
    signInAs();
    const { default: i18n } = await import('../../i18n');
    await i18n.changeLanguage('fr');
    api(marie);
    renderApp(`/people/${marie.id}`);
    expect(await screen.findByTestId('person-kind')).toHaveTextContent('Adhérent');
    expect(screen.getByTestId('person-visibility')).toHaveTextContent('Visible par la section');
    expect(screen.getByText('Rôles et délégations détenus')).toBeInTheDocument();
    expect(screen.getAllByTestId('person-consent')[0]).toHaveTextContent(/Actualités par e-mail\s*Donné · en ligne/);
  });
});
