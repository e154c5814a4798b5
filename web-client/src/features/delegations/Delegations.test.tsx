import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { BREST, viewerAnswer } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { endOfDayUtc } from './GrantDelegationForm';
import { ALL_PERMISSIONS } from './PermissionList';

const alice = { id: 'UGVyc29uOjc=', displayName: 'Alice Martin', email: 'alice@example.org' };
const bob = { id: 'UGVyc29uOjg=', displayName: 'Bob Kerouac', email: 'bob@example.org' };

const existing = {
  id: 'RGVsZWdhdGlvbjox',
  role: 'DELEGATE',
  level: 'SECTION',
  permissions: ['VIEW_PEOPLE', 'SEND_MESSAGES'],
  grantee: { id: bob.id, displayName: bob.displayName },
  grantedBy: { id: 'p1', displayName: 'Anne Secrétaire' },
  grantedAt: '2024-04-01T08:00:00Z',
  expiresAt: '2030-12-31T23:59:59Z',
  revokedAt: null,
  isActive: true,
};

function delegationsAnswer(list: unknown[]): GraphQLAnswer {
  return {
    data: { section: BREST, delegations: { totalCount: list.length, edges: list.map((node) => ({ node })) } },
  };
}

/** A section secretary holds every permission but MANAGE_SECTIONS on their section. */
const sectionSecretary = {
  id: 'Um9sZUdyYW50OjE=',
  role: 'SECTION_SECRETARY',
  level: 'SECTION',
  permissions: ALL_PERMISSIONS.filter((p) => p !== 'MANAGE_SECTIONS'),
  section: { id: BREST.id, name: BREST.name },
  federation: BREST.federation,
};

const federationSecretary = {
  id: 'Um9sZUdyYW50OjI=',
  role: 'FEDERATION_SECRETARY',
  level: 'FEDERATION',
  permissions: ALL_PERMISSIONS,
  section: null,
  federation: BREST.federation,
};

function api(grantAnswer: (v: Record<string, unknown>) => GraphQLAnswer, grants: unknown[] = [sectionSecretary]) {
  let list: unknown[] = [existing];
  return mockApi({
    graphql: {
      Viewer: () => viewerAnswer({ grants }),
      SectionDelegations: () => delegationsAnswer(list),
      DelegationCandidates: (v) => ({
        data: {
          section: {
            id: BREST.id,
            people: {
              edges: [alice, bob]
                .filter((p) => !v.search || p.displayName.toLowerCase().includes(String(v.search).toLowerCase()))
                .map((node) => ({ node })),
            },
          },
        },
      }),
      GrantDelegation: (v) => {
        const answer = grantAnswer(v);
        const payload = (answer.data as { grantDelegation?: { delegation?: unknown } } | undefined)?.grantDelegation;
        if (payload?.delegation) {
          list = [
            ...list,
            {
              ...existing,
              id: 'new',
              permissions: ['VIEW_PEOPLE'],
              grantee: { id: alice.id, displayName: alice.displayName },
              expiresAt: null,
            },
          ];
        }
        return answer;
      },
      RevokeDelegation: (v) => {
        list = [];
        return {
          data: {
            revokeDelegation: {
              delegation: { id: (v.input as { delegationId: string }).delegationId, isActive: false, revokedAt: '2024-05-01T00:00:00Z' },
              errors: [],
            },
          },
        };
      },
    },
  });
}

const granted: GraphQLAnswer = {
  data: {
    grantDelegation: {
      delegation: {
        id: 'new',
        permissions: ['VIEW_PEOPLE'],
        expiresAt: null,
        grantee: { id: alice.id, displayName: alice.displayName },
      },
      errors: [],
    },
  },
};

describe('delegations page', () => {
  it('lists the delegations of the section with translated permissions', async () => {
    signInAs();
    const mock = api(() => granted);
    renderApp(`/sections/${BREST.id}/delegations`);
    const row = await screen.findByTestId('delegation-row');
    expect(row).toHaveTextContent('Bob Kerouac');
    expect(row).toHaveTextContent('View people');
    expect(row).toHaveTextContent('Send messages');
    expect(row).toHaveTextContent('Anne Secrétaire');
    expect(row).toHaveAttribute('data-permissions', 'VIEW_PEOPLE SEND_MESSAGES');
    expect(mock.variablesOf('SectionDelegations')[0]).toEqual({ sectionId: BREST.id, includeInactive: false });
  });

  it('grants a delegation with the right variables and lists it', async () => {
    signInAs();
    const mock = api(() => granted);
    renderApp(`/sections/${BREST.id}/delegations`);
    await screen.findByTestId('delegation-row');

    fireEvent.change(screen.getByTestId('delegation-person-search'), { target: { value: 'ali' } });
    await waitFor(() => expect(mock.variablesOf('DelegationCandidates').at(-1)).toEqual({ sectionId: BREST.id, search: 'ali' }));
    await waitFor(() => expect(screen.getAllByTestId('delegation-person-option')).toHaveLength(1));
    await userEvent.click(screen.getByRole('radio', { name: /Alice Martin/ }));
    await userEvent.click(screen.getByTestId('delegation-permission-VIEW_PEOPLE'));
    fireEvent.change(screen.getByTestId('delegation-expires-at'), { target: { value: '2030-06-30' } });
    await userEvent.click(screen.getByTestId('delegation-submit'));

    await waitFor(() => expect(mock.variablesOf('GrantDelegation')).toHaveLength(1));
    expect(mock.variablesOf('GrantDelegation')[0]).toEqual({
      input: {
        personId: alice.id,
        scopeId: BREST.id,
        permissions: ['VIEW_PEOPLE'],
        expiresAt: '2030-06-30T23:59:59Z',
      },
    });
    expect(await screen.findByTestId('delegation-granted')).toHaveTextContent('Alice Martin');
    await waitFor(() => expect(screen.getAllByTestId('delegation-row')).toHaveLength(2));
    expect(screen.getAllByTestId('delegation-row')[1]).toHaveTextContent('Alice Martin');
  });

  it('sends no expiry when none is chosen, and permissions in schema order', async () => {
    signInAs();
    const mock = api(() => granted);
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByRole('radio', { name: /Bob Kerouac/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Manage delegations' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'View people' }));
    await userEvent.click(screen.getByRole('button', { name: 'Grant the delegation' }));
    await waitFor(() => expect(mock.variablesOf('GrantDelegation')).toHaveLength(1));
    expect(mock.variablesOf('GrantDelegation')[0]).toEqual({
      input: { personId: bob.id, scopeId: BREST.id, permissions: ['VIEW_PEOPLE', 'MANAGE_DELEGATIONS'] },
    });
  });

  it('shows ValidationError next to its field and DomainError above the button', async () => {
    signInAs();
    const mock = api(() => ({
      data: {
        grantDelegation: {
          delegation: null,
          errors: [
            { __typename: 'ValidationError', code: 'IN_THE_PAST', message: 'The expiry must be in the future.', field: 'expiresAt' },
            { __typename: 'DomainError', code: 'DELEGATION_EXCEEDS_GRANTOR', message: 'You cannot delegate rights you do not hold.' },
          ],
        },
      },
    }));
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByRole('radio', { name: /Alice Martin/ }));
    await userEvent.click(screen.getByTestId('delegation-permission-SEND_MESSAGES'));
    fireEvent.change(screen.getByTestId('delegation-expires-at'), { target: { value: '2000-01-01' } });
    await userEvent.click(screen.getByTestId('delegation-submit'));

    await waitFor(() => expect(mock.variablesOf('GrantDelegation')).toHaveLength(1));
    const expiry = screen.getByTestId('delegation-expires-at');
    await waitFor(() => expect(expiry).toHaveAttribute('aria-invalid', 'true'));
    expect(expiry).toHaveAccessibleDescription('The expiry must be in the future.');
    expect(screen.getByTestId('delegation-form-errors')).toHaveTextContent('You cannot delegate rights you do not hold.');
    expect(screen.queryByTestId('delegation-granted')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('delegation-row')).toHaveLength(1);
  });

  it('checks locally that a person and a permission are chosen', async () => {
    signInAs();
    const mock = api(() => granted);
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByTestId('delegation-submit'));
    const form = screen.getByTestId('grant-delegation-form');
    expect(within(form).getByText('Choose a person.')).toBeInTheDocument();
    expect(within(form).getByText('Tick at least one permission.')).toBeInTheDocument();
    expect(mock.variablesOf('GrantDelegation')).toHaveLength(0);
  });

  it('revokes an active delegation', async () => {
    signInAs();
    const mock = api(() => granted);
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByRole('button', { name: 'Revoke the delegation of Bob Kerouac' }));
    await waitFor(() => expect(mock.variablesOf('RevokeDelegation')).toEqual([{ input: { delegationId: existing.id } }]));
    expect(await screen.findByTestId('delegations-empty')).toBeInTheDocument();
  });

  it('offers a section secretary every permission of their grant, not MANAGE_SECTIONS', async () => {
    signInAs();
    api(() => granted);
    renderApp(`/sections/${BREST.id}/delegations`);
    const form = await screen.findByTestId('grant-delegation-form');
    const boxes = within(form).getAllByRole('checkbox');
    expect(boxes).toHaveLength(7);
    expect(boxes.map((b) => b.getAttribute('value'))).toEqual(ALL_PERMISSIONS.filter((p) => p !== 'MANAGE_SECTIONS'));
    expect(screen.queryByTestId('delegation-permission-MANAGE_SECTIONS')).not.toBeInTheDocument();
  });

  it('offers a federation secretary all 8 permissions on a section of their federation', async () => {
    signInAs();
    api(() => granted, [federationSecretary]);
    renderApp(`/sections/${BREST.id}/delegations`);
    const form = await screen.findByTestId('grant-delegation-form');
    expect(within(form).getAllByRole('checkbox')).toHaveLength(8);
    expect(screen.getByTestId('delegation-permission-MANAGE_SECTIONS')).toBeInTheDocument();
  });

  it('shows a message instead of the form when the covering grant lacks MANAGE_DELEGATIONS', async () => {
    signInAs();
    const mock = api(() => granted, [
      { ...sectionSecretary, permissions: ['VIEW_PEOPLE', 'SEND_MESSAGES'] },
      // Another federation's grant does not cover Brest.
      { ...federationSecretary, federation: { code: '75', name: 'Paris' } },
    ]);
    renderApp(`/sections/${BREST.id}/delegations`);
    expect(await screen.findByTestId('grant-delegation-unavailable')).toHaveTextContent(
      'You hold no permission you can delegate on this section.',
    );
    expect(screen.queryByTestId('grant-delegation-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('delegation-submit')).not.toBeInTheDocument();
    expect(screen.getByTestId('delegation-row')).toHaveTextContent('Bob Kerouac');
    expect(mock.variablesOf('DelegationCandidates')).toHaveLength(0);
  });

  it('ends the expiry at the end of the day in UTC', () => {
    expect(endOfDayUtc('2031-01-15')).toBe('2031-01-15T23:59:59Z');
  });
});
