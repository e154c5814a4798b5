import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKEN_EXPIRES_KEY, TOKEN_KEY } from '../../api/token';
import { mockApi, signInAs } from '../../test/api';
import { peoplePage, person, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const users = [
  { email: 'one@example.org', displayName: 'User One', description: 'First test account' },
  { email: 'two@example.org', displayName: 'User Two', description: 'Second test account' },
];

describe('sign-in page', () => {
  it('lists the development users the server returns', async () => {
    mockApi({ devUsers: users });
    renderApp('/signin');
    const list = await screen.findByTestId('dev-users');
    const buttons = within(list).getAllByTestId('dev-user');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]).toHaveTextContent('User One');
    expect(buttons[0]).toHaveTextContent('First test account');
    expect(buttons[1]).toHaveAttribute('data-email', 'two@example.org');
    expect(document.title).toBe('Sign in · Coopol');
  });

  it('signs in with the chosen user, stores the token and opens the home page', async () => {
    const api = mockApi({
      devUsers: users,
      token: { accessToken: 'abc.def', expiresAt: '2099-05-01T10:00:00Z' },
      graphql: {
        Viewer: viewerAnswer,
        SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      },
    });
    renderApp('/signin');
    await userEvent.click(await screen.findByRole('button', { name: /User Two/ }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
    const tokenCall = api.calls.find((c) => c.url === '/auth/dev/token');
    expect(tokenCall?.method).toBe('POST');
    expect(tokenCall?.body).toEqual({ email: 'two@example.org' });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('abc.def');
    expect(localStorage.getItem(TOKEN_EXPIRES_KEY)).toBe('2099-05-01T10:00:00Z');

    expect(await screen.findByTestId('viewer-name')).toHaveTextContent('Anne Secrétaire');
    expect(await screen.findByTestId('people-table')).toBeInTheDocument();
    // the GraphQL calls carry the bearer token
    expect(api.graphqlCalls('Viewer')[0]?.headers.get('Authorization')).toBe('Bearer abc.def');
  });

  it('explains that dev sign-in is disabled when the server answers 404', async () => {
    mockApi({ devUsers: 404 });
    renderApp('/signin');
    expect(await screen.findByTestId('dev-signin-disabled')).toHaveTextContent(/identity provider/);
  });

  it('sends visitors who are not signed in to the sign-in page', async () => {
    mockApi({ devUsers: users });
    renderApp('/sections/abc');
    expect(await screen.findByTestId('signin-page')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/signin');
  });

  it('signs out from the header', async () => {
    signInAs();
    mockApi({
      devUsers: users,
      graphql: {
        Viewer: viewerAnswer,
        SectionPeople: () => peoplePage([], { total: 0, hasNextPage: false, endCursor: null }),
      },
    });
    renderApp('/');
    await userEvent.click(await screen.findByTestId('sign-out'));
    expect(await screen.findByTestId('signin-page')).toBeInTheDocument();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(screen.queryByTestId('viewer-name')).not.toBeInTheDocument();
  });

  it('goes back to sign-in when the API answers UNAUTHENTICATED', async () => {
    signInAs('expired');
    mockApi({
      devUsers: users,
      graphql: {
        Viewer: () => ({ data: { me: null }, errors: [{ message: 'No', extensions: { code: 'UNAUTHENTICATED' } }] }),
      },
    });
    renderApp('/');
    expect(await screen.findByTestId('session-ended')).toBeInTheDocument();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('switches the interface language', async () => {
    mockApi({ devUsers: users });
    renderApp('/signin');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('lang-fr'));
    expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Connexion · Coopol');
    expect(screen.getByTestId('lang-fr')).toHaveAttribute('aria-pressed', 'true');
  });
});

describe('switching user', () => {
  it('lands the next user on their home page, not on the page the previous one signed out from', async () => {
    signInAs();
    mockApi({
      devUsers: users,
      graphql: {
        Viewer: viewerAnswer,
        SectionDelegations: () => ({ data: { section: null, delegations: { totalCount: 0, items: [] } } }),
        SectionPeople: () => peoplePage([person(1)], { total: 1, hasNextPage: false, endCursor: null }),
      },
    });
    renderApp('/sections/x/delegations');
    await userEvent.click(await screen.findByTestId('sign-out'));
    await userEvent.click(await screen.findByRole('button', { name: /User One/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/));
  });
});

describe('deep links', () => {
  it('comes back to the page asked for after signing in', async () => {
    mockApi({
      devUsers: users,
      graphql: { Viewer: viewerAnswer, PersonDetails: () => ({ data: { person: null } }) },
    });
    renderApp('/people/p42');
    await userEvent.click(await screen.findByRole('button', { name: /User One/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/people/p42'));
  });
});
