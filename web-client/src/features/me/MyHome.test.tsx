import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { BREST, personDetails, viewerAnswer, WORDINGS } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const lea = personDetails({
  id: 'UGVyc29uOjU=',
  firstName: 'Léa',
  lastName: 'Morvan',
  displayName: 'Léa Morvan',
  profileVisibility: 'PRIVATE',
  isViewer: true,
  viewerCanManage: false,
  accessLog: {
    pageInfo: { hasNextPage: false },
    items: [{ kind: 'VIEWED_PERSON', at: '2024-05-02T09:30:00Z', actorName: 'Nolwenn Kerjean' }],
  },
});

const QUIMPER = { id: 'U2VjdGlvbjoy', name: 'Quimper', federation: { code: '29', name: 'Finistère' } };
const invitation = { id: 'SW52aXRhdGlvbjox', createdAt: '2024-05-01T10:00:00Z', section: QUIMPER };

function api(answer: (v: Record<string, unknown>) => GraphQLAnswer = (v) => ({
  data: {
    answerSectionInvitation: {
      invitation: { id: invitation.id, accepted: (v.input as { accept: boolean }).accept, answeredAt: '2024-06-01T00:00:00Z', section: QUIMPER },
      errors: [],
    },
  },
})) {
  let pending = [invitation];
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants: [], section: { id: BREST.id, name: BREST.name } }),
      MyProfile: () => ({ data: { me: { person: lea } } }),
      MyInvitations: () => ({ data: { me: { invitations: { items: pending } } } }),
      ConsentWordings: () => WORDINGS,
      AnswerInvitation: (v) => {
        const result = answer(v);
        if ((result.data as { answerSectionInvitation?: { invitation?: unknown } }).answerSectionInvitation?.invitation) pending = [];
        return result;
      },
    },
  });
}

describe('home of members and supporters', () => {
  it('shows their own profile, consents they can change, who looked at them, and their invitations', async () => {
    signInAs();
    api();
    renderApp('/');
    expect(await screen.findByTestId('person-name')).toHaveTextContent('Léa Morvan');
    await waitFor(() => expect(document.title).toBe('Léa Morvan · Coopol'));
    expect(screen.getByTestId('person-visibility')).toHaveTextContent('Private');
    expect(screen.getByTestId('person-edit-open')).toHaveTextContent('Change my details');
    expect(screen.getByTestId('consents-edit-open')).toHaveTextContent('Change my consents');
    expect(screen.getByTestId('access-log-panel')).toHaveTextContent('Who looked at my profile');
    expect(screen.getByTestId('access-log-entry')).toHaveTextContent('Nolwenn Kerjean opened the profile');
    const card = await screen.findByTestId('invitation');
    expect(card).toHaveTextContent('Quimper (Finistère) recorded you and invites you to join it.');
    // not a section's people: nothing to organize here
    expect(screen.queryByTestId('section-people')).not.toBeInTheDocument();
    expect(screen.queryByTestId('nav-me')).not.toBeInTheDocument();
  });

  it('accepts an invitation and reloads who the viewer is', async () => {
    signInAs();
    const mock = api();
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Join Quimper' }));
    await waitFor(() => expect(mock.variablesOf('AnswerInvitation')).toEqual([{ input: { invitationId: invitation.id, accept: true } }]));
    expect(await screen.findByTestId('invitation-answered')).toHaveTextContent('You joined Quimper.');
    expect(await screen.findByTestId('invitations-empty')).toBeInTheDocument();
    await waitFor(() => expect(mock.variablesOf('Viewer').length).toBeGreaterThan(1));
  });

  it('declines an invitation, and translates a refusal', async () => {
    signInAs();
    const mock = api(() => ({
      data: { answerSectionInvitation: { invitation: null, errors: [{ __typename: 'DomainError', code: 'INVITATION_ALREADY_ANSWERED', message: 'x' }] } },
    }));
    renderApp('/');
    const card = await screen.findByTestId('invitation');
    await userEvent.click(within(card).getByTestId('invitation-decline'));
    await waitFor(() => expect(mock.variablesOf('AnswerInvitation')[0]).toEqual({ input: { invitationId: invitation.id, accept: false } }));
    expect(await screen.findByTestId('invitation-errors')).toHaveTextContent('This invitation has already been answered.');
  });

  it('gives holders of rights a link to their own profile and their pending invitations above the section', async () => {
    signInAs();
    mockApi({
      graphql: {
        Viewer: viewerAnswer,
        SectionPeople: () => ({ data: { section: { ...BREST, viewerPermissions: ['VIEW_PEOPLE'] }, peopleOf: { id: BREST.id, people: { totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, items: [] } } } }),
        MyInvitations: () => ({ data: { me: { invitations: { items: [invitation] } } } }),
      },
    });
    renderApp('/');
    expect(await screen.findByTestId('nav-me')).toHaveAttribute('href', '/people/UGVyc29uOjE%3D');
    expect(await screen.findByTestId('invitation')).toBeInTheDocument();
    expect(screen.getByTestId('people-empty')).toBeInTheDocument();
  });
});
