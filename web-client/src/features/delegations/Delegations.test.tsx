import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { sectionHeader, SECRETARY_PERMISSIONS, viewerAnswer } from '../../test/fixtures';
import { actAsPhone, renderApp } from '../../test/render';
import { endOfDayUtc } from './GrantDelegationForm';

const BREST = sectionHeader();
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
  viewerCanRevoke: true,
};

/** Delegations handed on from Bob's, down the chain: one to a visible person, one to someone out of sight. */
const dependents = [
  { id: 'd2', permissions: ['VIEW_PEOPLE'], level: 'SECTION', grantee: { id: alice.id, displayName: alice.displayName }, section: { name: 'Brest Centre' }, federation: { name: 'Finistère' } },
  { id: 'd3', permissions: ['VIEW_PEOPLE'], level: 'SECTION', grantee: null, section: { name: 'Brest Centre' }, federation: { name: 'Finistère' } },
];

interface Options {
  delegable?: string[];
  list?: unknown[];
  grant?: (v: Record<string, unknown>) => GraphQLAnswer;
  revoke?: () => GraphQLAnswer;
  withIt?: unknown[];
}

function api({ delegable = SECRETARY_PERMISSIONS, list: initial = [existing], grant, revoke, withIt = dependents }: Options = {}) {
  let list = initial;
  return mockApi({
    graphql: {
      Viewer: viewerAnswer,
      SectionDelegations: () => ({
        data: { section: { ...BREST, delegablePermissions: delegable }, delegations: { totalCount: list.length, items: list } },
      }),
      DelegationCandidates: (v) => ({
        data: {
          section: {
            id: BREST.id,
            people: {
              items: [alice, bob].filter((p) => !v.search || p.displayName.toLowerCase().includes(String(v.search).toLowerCase())),
            },
          },
        },
      }),
      GrantDelegation: (v) => {
        const answer = grant ? grant(v) : granted;
        if ((answer.data as { grantDelegation?: { delegation?: unknown } } | undefined)?.grantDelegation?.delegation) {
          list = [...list, { ...existing, id: 'new', permissions: ['VIEW_PEOPLE'], grantee: { id: alice.id, displayName: alice.displayName }, expiresAt: null }];
        }
        return answer;
      },
      RevokeImpact: (v) => ({
        data: { node: { __typename: 'RoleGrant', id: v.id, revokedWithIt: { totalCount: withIt.length, items: withIt } } },
      }),
      RevokeDelegation: (v) => {
        if (revoke) return revoke();
        list = [];
        const id = (v.input as { delegationId: string }).delegationId;
        return { data: { revokeDelegation: { delegation: { id, isActive: false, revokedAt: '2024-05-01T00:00:00Z' }, errors: [] } } };
      },
    },
  });
}

const granted: GraphQLAnswer = {
  data: {
    grantDelegation: {
      delegation: { id: 'new', permissions: ['VIEW_PEOPLE'], expiresAt: null, grantee: { id: alice.id, displayName: alice.displayName } },
      errors: [],
    },
  },
};

describe('delegations page', () => {
  it('lists the delegations of the section with translated permissions, and sets the title', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}/delegations`);
    const row = await screen.findByTestId('delegation-row');
    expect(row).toHaveTextContent('Bob Kerouac');
    expect(row).toHaveTextContent('View people');
    expect(row).toHaveTextContent('Send messages');
    expect(row).toHaveTextContent('Anne Secrétaire');
    expect(row).toHaveAttribute('data-permissions', 'VIEW_PEOPLE SEND_MESSAGES');
    expect(mock.variablesOf('SectionDelegations')[0]).toEqual({ sectionId: BREST.id, includeInactive: false });
    await waitFor(() => expect(document.title).toBe('Delegations · Brest Centre · Coopol'));
  });

  it('shows cards on a phone', async () => {
    signInAs();
    actAsPhone();
    api();
    renderApp(`/sections/${BREST.id}/delegations`);
    const cards = await screen.findByTestId('delegations-cards');
    expect(screen.queryByTestId('delegations-table')).not.toBeInTheDocument();
    expect(within(cards).getByTestId('delegation-row')).toHaveTextContent('Granted by Anne Secrétaire');
    expect(within(cards).getByTestId('delegation-revoke')).toBeInTheDocument();
  });

  it('grants a delegation with the right variables and lists it', async () => {
    signInAs();
    const mock = api();
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
      input: { personId: alice.id, scopeId: BREST.id, permissions: ['VIEW_PEOPLE'], expiresAt: '2030-06-30T23:59:59Z' },
    });
    expect(await screen.findByTestId('delegation-granted')).toHaveTextContent('Alice Martin');
    await waitFor(() => expect(screen.getAllByTestId('delegation-row')).toHaveLength(2));
    expect(screen.getAllByTestId('delegation-row')[1]).toHaveTextContent('Alice Martin');
  });

  it('sends no expiry when none is chosen, and permissions in schema order', async () => {
    signInAs();
    const mock = api();
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

  it('translates a ValidationError next to its field and a DomainError above the button', async () => {
    signInAs();
    const mock = api({
      grant: () => ({
        data: {
          grantDelegation: {
            delegation: null,
            errors: [
              { __typename: 'ValidationError', code: 'IN_THE_PAST', message: 'past', field: 'expiresAt' },
              { __typename: 'DomainError', code: 'DELEGATION_EXCEEDS_GRANTOR', message: 'exceeds' },
            ],
          },
        },
      }),
    });
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByRole('radio', { name: /Alice Martin/ }));
    await userEvent.click(screen.getByTestId('delegation-permission-SEND_MESSAGES'));
    fireEvent.change(screen.getByTestId('delegation-expires-at'), { target: { value: '2000-01-01' } });
    await userEvent.click(screen.getByTestId('delegation-submit'));

    await waitFor(() => expect(mock.variablesOf('GrantDelegation')).toHaveLength(1));
    const expiry = screen.getByTestId('delegation-expires-at');
    await waitFor(() => expect(expiry).toHaveAttribute('aria-invalid', 'true'));
    expect(expiry).toHaveAccessibleDescription('The end date must be in the future.');
    await waitFor(() => expect(expiry).toHaveFocus());
    expect(screen.getByTestId('delegation-form-errors')).toHaveTextContent('You cannot delegate rights you do not hold here');
    expect(screen.queryByTestId('delegation-granted')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('delegation-row')).toHaveLength(1);
  });

  it('checks locally that a person and a permission are chosen, focusing the first error', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByTestId('delegation-submit'));
    const form = screen.getByTestId('grant-delegation-form');
    const personError = within(form).getByText('Choose a person.');
    expect(within(form).getByText('Tick at least one permission.')).toBeInTheDocument();
    await waitFor(() => expect(personError.closest('ul')).toHaveFocus());
    expect(mock.variablesOf('GrantDelegation')).toHaveLength(0);
  });

  it('asks before revoking, saying what goes with it down the chain', async () => {
    signInAs();
    const mock = api();
    renderApp(`/sections/${BREST.id}/delegations`);
    const revoke = await screen.findByRole('button', { name: 'Revoke the delegation of Bob Kerouac' });
    await userEvent.click(revoke);

    const dialog = await screen.findByRole('dialog', { name: 'Revoke the delegation of Bob Kerouac?' });
    expect(dialog).toHaveAttribute('open');
    expect(mock.variablesOf('RevokeImpact')).toEqual([{ id: existing.id }]);
    const items = await within(dialog).findAllByTestId('revoke-with-it-item');
    expect(within(dialog).getByText(/This also revokes 2 delegations/)).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Alice Martin');
    expect(items[0]).toHaveTextContent('View people');
    expect(items[1]).toHaveTextContent('someone you cannot see');
    // the safe choice has focus; nothing was revoked yet
    expect(within(dialog).getByTestId('revoke-dialog-cancel')).toHaveFocus();
    expect(mock.variablesOf('RevokeDelegation')).toHaveLength(0);

    await userEvent.click(within(dialog).getByTestId('revoke-dialog-confirm'));
    await waitFor(() => expect(mock.variablesOf('RevokeDelegation')).toEqual([{ input: { delegationId: existing.id } }]));
    expect(await screen.findByTestId('delegations-empty')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('delegation-revoked')).toHaveTextContent('The delegation of Bob Kerouac was revoked.');
  });

  it('closes the confirmation with Escape, revoking nothing, and gives focus back', async () => {
    signInAs();
    const mock = api({ withIt: [] });
    renderApp(`/sections/${BREST.id}/delegations`);
    const revoke = await screen.findByTestId('delegation-revoke');
    revoke.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByTestId('revoke-with-it-none')).toHaveTextContent('Nothing else is revoked with it.');
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(revoke).toHaveFocus();
    expect(mock.variablesOf('RevokeDelegation')).toHaveLength(0);
  });

  it('keeps the dialog open with the refusal, translated', async () => {
    signInAs();
    api({ revoke: () => ({ data: { revokeDelegation: { delegation: null, errors: [{ __typename: 'DomainError', code: 'GRANT_ALREADY_REVOKED', message: 'x' }] } } }) });
    renderApp(`/sections/${BREST.id}/delegations`);
    await userEvent.click(await screen.findByTestId('delegation-revoke'));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findAllByTestId('revoke-with-it-item');
    await userEvent.click(within(dialog).getByTestId('revoke-dialog-confirm'));
    expect(await within(dialog).findByTestId('revoke-dialog-errors')).toHaveTextContent('already been revoked');
  });

  it('offers Revoke only where the API says the viewer may revoke', async () => {
    signInAs();
    api({ list: [{ ...existing, viewerCanRevoke: false }, { ...existing, id: 'old', isActive: false, revokedAt: '2024-01-01T00:00:00Z' }] });
    renderApp(`/sections/${BREST.id}/delegations`);
    await waitFor(() => expect(screen.getAllByTestId('delegation-row')).toHaveLength(2));
    expect(screen.queryByTestId('delegation-revoke')).not.toBeInTheDocument();
  });

  it('offers exactly the permissions the API says the viewer may delegate', async () => {
    signInAs();
    api({ delegable: ['VIEW_PEOPLE', 'MANAGE_PEOPLE', 'MANAGE_DELEGATIONS'] });
    renderApp(`/sections/${BREST.id}/delegations`);
    const form = await screen.findByTestId('grant-delegation-form');
    expect(within(form).getAllByRole('checkbox').map((b) => b.getAttribute('value'))).toEqual(['VIEW_PEOPLE', 'MANAGE_PEOPLE', 'MANAGE_DELEGATIONS']);
  });

  it('shows a message instead of the form when nothing can be delegated there', async () => {
    signInAs();
    const mock = api({ delegable: [] });
    renderApp(`/sections/${BREST.id}/delegations`);
    expect(await screen.findByTestId('grant-delegation-unavailable')).toHaveTextContent('You hold no permission you can delegate on this section.');
    expect(screen.queryByTestId('grant-delegation-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('delegation-row')).toHaveTextContent('Bob Kerouac');
    expect(mock.variablesOf('DelegationCandidates')).toHaveLength(0);
  });

  it('ends the expiry at the end of the day in UTC', () => {
    expect(endOfDayUtc('2031-01-15')).toBe('2031-01-15T23:59:59Z');
  });
});
