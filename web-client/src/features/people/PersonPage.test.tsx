import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs } from '../../test/api';
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
  address: { line1: '3 rue de Siam', line2: null, postalCode: '29200', city: 'Brest', country: 'FR' },
  location: null,
  tags: ['tractage', 'porte-à-porte'],
  emailConsent: { granted: true, method: 'WEB_FORM', recordedAt: '2024-03-05T10:00:00Z' },
  smsConsent: null,
  profileVisibility: 'SECTION',
  section: BREST,
  grants: [
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
  createdAt: '2023-01-01T00:00:00Z',
  updatedAt: '2024-04-01T00:00:00Z',
};

describe('person page', () => {
  it('shows every field of the person', async () => {
    signInAs();
    const api = mockApi({ graphql: { Viewer: viewerAnswer, PersonDetails: () => ({ data: { person: marie } }) } });
    renderApp(`/people/${marie.id}`);

    expect(await screen.findByTestId('person-name')).toHaveTextContent('Marie Le Gall');
    expect(api.variablesOf('PersonDetails')[0]).toEqual({ id: marie.id });
    expect(screen.getByTestId('person-kind')).toHaveTextContent('Member');
    expect(screen.getByTestId('person-email')).toHaveTextContent('marie@example.org');
    expect(screen.getByTestId('person-phone')).toHaveTextContent('+33612345678');
    expect(screen.getByTestId('person-address')).toHaveTextContent('3 rue de Siam');
    expect(screen.getByTestId('person-address')).toHaveTextContent('29200 Brest');
    expect(screen.getByTestId('person-tags')).toHaveTextContent('tractage');
    expect(screen.getByTestId('person-email-consent')).toHaveTextContent(/Given · web form · .*2024/);
    expect(screen.getByTestId('person-sms-consent')).toHaveTextContent('Not recorded');
    expect(screen.getByTestId('person-visibility')).toHaveTextContent('Visible to the section');
    expect(screen.getByTestId('person-section')).toHaveTextContent('Brest Centre');

    const grant = within(screen.getByTestId('person-grants')).getByTestId('person-grant');
    expect(grant).toHaveTextContent('Delegate');
    expect(grant).toHaveTextContent('View people');
    expect(grant).toHaveTextContent('Send messages');
    expect(grant).toHaveTextContent('Never');
  });

  it('says not found or not visible when person is null', async () => {
    signInAs();
    mockApi({ graphql: { Viewer: viewerAnswer, PersonDetails: () => ({ data: { person: null } }) } });
    renderApp('/people/unknown');
    expect(await screen.findByTestId('person-not-found')).toHaveTextContent('does not exist or is not visible');
  });

  it('is translated in French', async () => {
    signInAs();
    localStorage.setItem('coopol.language', 'fr');
    const { default: i18n } = await import('../../i18n');
    await i18n.changeLanguage('fr');
    mockApi({ graphql: { Viewer: viewerAnswer, PersonDetails: () => ({ data: { person: marie } }) } });
    renderApp(`/people/${marie.id}`);
    expect(await screen.findByTestId('person-kind')).toHaveTextContent('Adhérent');
    expect(screen.getByTestId('person-visibility')).toHaveTextContent('Visible par la section');
    expect(screen.getByText('Rôles et délégations détenus')).toBeInTheDocument();
  });
});
