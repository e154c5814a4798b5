import type { GraphQLAnswer } from './api';

export const BREST = { id: 'U2VjdGlvbjox', name: 'Brest Centre', federation: { code: '29', name: 'Finistère' } };

export function viewerAnswer(overrides: { grants?: unknown[]; section?: { id: string; name: string } } = {}): GraphQLAnswer {
  return {
    data: {
      me: {
        email: 'brest-centre@demo.coopol.fr',
        person: {
          id: 'UGVyc29uOjE=',
          displayName: 'Anne Secrétaire',
          section: overrides.section ?? { id: BREST.id, name: BREST.name },
        },
        grants: overrides.grants ?? [
          {
            id: 'Um9sZUdyYW50OjE=',
            role: 'SECTION_SECRETARY',
            level: 'SECTION',
            permissions: ['VIEW_PEOPLE', 'MANAGE_PEOPLE', 'MANAGE_DELEGATIONS'],
            section: { id: BREST.id, name: BREST.name },
            federation: { code: '29', name: 'Finistère' },
          },
        ],
      },
    },
  };
}

export function person(n: number, kind: 'MEMBER' | 'SUPPORTER' = 'MEMBER') {
  return {
    id: `UGVyc29uOi${n}`,
    displayName: `Person ${n}`,
    kind,
    email: `person${n}@example.org`,
    phone: n % 2 ? `+3361234567${n % 10}` : null,
    tags: n % 3 === 0 ? ['porte-à-porte'] : [],
  };
}

export function peoplePage(people: ReturnType<typeof person>[], opts: { total: number; hasNextPage: boolean; endCursor: string | null }): GraphQLAnswer {
  return {
    data: {
      section: BREST,
      peopleOf: {
        id: BREST.id,
        people: {
          totalCount: opts.total,
          pageInfo: { hasNextPage: opts.hasNextPage, endCursor: opts.endCursor },
          edges: people.map((p, i) => ({ cursor: `c${i}`, node: p })),
        },
      },
    },
  };
}
