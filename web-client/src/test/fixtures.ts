import type { GraphQLAnswer } from './api';

export const BREST = { id: 'U2VjdGlvbjox', name: 'Brest Centre', federation: { code: '29', name: 'Finistère' } };

/** What a section secretary holds on their section: everything but MANAGE_SECTIONS. */
export const SECRETARY_PERMISSIONS = [
  'VIEW_PEOPLE',
  'MANAGE_PEOPLE',
  'MANAGE_ACTIONS',
  'SEND_MESSAGES',
  'ENTER_RESULTS',
  'VIEW_RESULTS',
  'MANAGE_DELEGATIONS',
];

export function sectionHeader(viewerPermissions: string[] = SECRETARY_PERMISSIONS) {
  return { ...BREST, viewerPermissions };
}

export const secretaryGrant = {
  id: 'Um9sZUdyYW50OjE=',
  role: 'SECTION_SECRETARY',
  level: 'SECTION',
  permissions: SECRETARY_PERMISSIONS,
  section: { id: BREST.id, name: BREST.name },
  federation: { code: '29', name: 'Finistère' },
};

export function viewerAnswer(
  overrides: { grants?: unknown[]; section?: { id: string; name: string }; kind?: string } = {},
): GraphQLAnswer {
  return {
    data: {
      me: {
        email: 'brest-centre@demo.coopol.fr',
        person: {
          id: 'UGVyc29uOjE=',
          displayName: 'Anne Secrétaire',
          kind: overrides.kind ?? 'MEMBER',
          section: overrides.section ?? { id: BREST.id, name: BREST.name },
        },
        grants: { items: overrides.grants ?? [secretaryGrant] },
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
    viewerSeesDetails: true,
  };
}

export interface PageOptions {
  total: number;
  hasNextPage: boolean;
  endCursor: string | null;
  hasPreviousPage?: boolean;
  startCursor?: string | null;
  viewerPermissions?: string[];
}

export function peoplePage(people: ReturnType<typeof person>[], opts: PageOptions): GraphQLAnswer {
  return {
    data: {
      section: sectionHeader(opts.viewerPermissions),
      peopleOf: {
        id: BREST.id,
        people: {
          totalCount: opts.total,
          pageInfo: {
            hasNextPage: opts.hasNextPage,
            hasPreviousPage: opts.hasPreviousPage ?? false,
            startCursor: opts.startCursor ?? null,
            endCursor: opts.endCursor,
          },
          items: people,
        },
      },
    },
  };
}

export const WORDINGS = {
  data: {
    consentWordings: [
      { purpose: 'NEWS', channel: 'EMAIL', version: 'news-email-2026-11', french: 'Je veux les nouvelles par e-mail.', english: 'I want the news by email.' },
      { purpose: 'NEWS', channel: 'SMS', version: 'news-sms-2026-11', french: 'Je veux les nouvelles par SMS.', english: 'I want the news by SMS.' },
      { purpose: 'ACTIONS', channel: 'EMAIL', version: 'actions-email-2026-11', french: 'Invitez-moi par e-mail.', english: 'Invite me by email.' },
      { purpose: 'ACTIONS', channel: 'SMS', version: 'actions-sms-2026-11', french: 'Invitez-moi par SMS.', english: 'Invite me by SMS.' },
    ],
  },
};

/** The four current consents; `given` lists those granted. */
export function consents(given: Partial<Record<string, { method: string; at: string; granted?: boolean }>> = {}) {
  return ['NEWS-EMAIL', 'NEWS-SMS', 'ACTIONS-EMAIL', 'ACTIONS-SMS'].map((key) => {
    const [purpose, channel] = key.split('-');
    const value = given[key];
    return { purpose, channel, granted: value ? (value.granted ?? true) : false, method: value?.method ?? null, at: value?.at ?? null };
  });
}

/** A person as PersonDetailsFields reads them, seen in full by a manager of their section. */
export function personDetails(overrides: Record<string, unknown> = {}) {
  return {
    id: 'UGVyc29uOjQy',
    kind: 'MEMBER',
    firstName: 'Marie',
    lastName: 'Le Gall',
    displayName: 'Marie Le Gall',
    email: 'marie@example.org',
    phone: '+33612345678',
    address: { line1: '3 rue de Siam', line2: 'Bât. B', postalCode: '29200', city: 'Brest', country: 'FR' },
    location: null,
    tags: ['tractage', 'porte-à-porte'],
    profileVisibility: 'SECTION',
    createdAt: '2023-01-01T00:00:00Z',
    updatedAt: '2024-04-01T00:00:00Z',
    signsIn: false,
    isViewer: false,
    viewerCanManage: true,
    viewerSeesDetails: true,
    section: BREST,
    grants: { items: [] },
    consents: consents({ 'NEWS-EMAIL': { method: 'WEB_FORM', at: '2024-03-05T10:00:00Z' } }),
    consentHistory: {
      pageInfo: { hasNextPage: false },
      items: [
        {
          purpose: 'NEWS',
          channel: 'EMAIL',
          granted: true,
          method: 'WEB_FORM',
          at: '2024-03-05T10:00:00Z',
          recordedByThePerson: true,
          wordingVersion: 'news-email-2026-11',
        },
      ],
    },
    accessLog: null,
    ...overrides,
  };
}

/** What the national team holds: every permission, nationally. */
export const nationalGrant = {
  id: 'Um9sZUdyYW50OjI=',
  role: 'NATIONAL_TEAM',
  level: 'NATIONAL',
  permissions: [...SECRETARY_PERMISSIONS, 'MANAGE_SECTIONS'],
  section: null,
  federation: null,
};

export const ROUND_2 = {
  id: 'RWxlY3Rpb246Mg==',
  kind: 'LEGISLATIVES',
  date: '2024-07-07',
  round: 2,
  scope: 'FR',
  name: 'Législatives 2024 – 2d tour',
  otherRound: { id: 'RWxlY3Rpb246MQ==', name: 'Législatives 2024 – 1er tour', round: 1, date: '2024-06-30' },
};

export const ROUND_1 = {
  id: 'RWxlY3Rpb246MQ==',
  kind: 'LEGISLATIVES',
  date: '2024-06-30',
  round: 1,
  scope: 'FR',
  name: 'Législatives 2024 – 1er tour',
  otherRound: { id: 'RWxlY3Rpb246Mg==', name: 'Législatives 2024 – 2d tour', round: 2, date: '2024-07-07' },
};

export const ELECTIONS = { data: { elections: { edges: [{ node: ROUND_2 }, { node: ROUND_1 }] } } };

export const MAP_LAYERS = {
  data: {
    mapLayers: [
      { layer: 'turnout', label: 'Participation', group: 'participation' },
      { layer: 'abstention', label: 'Abstention', group: 'participation' },
      { layer: 'bloc.gauche', label: 'gauche', group: 'bloc' },
      { layer: 'bloc.centre', label: 'centre', group: 'bloc' },
      { layer: 'nuance.UG', label: 'UG', group: 'nuance' },
      { layer: 'candidate.fdcf4e26ed294b8ea529353b9db94d5e', label: 'Pierre-Yves CADALEN (UG)', group: 'candidate' },
      { layer: 'indicator.DISP_MED15', label: 'Revenu disponible médian par UC (2015)', group: 'indicator' },
    ],
  },
};
