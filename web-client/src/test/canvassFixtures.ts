import { ACTION_ID } from './actionFixtures';

// Test data of door-to-door (not sent to codegen: only graphql(...) documents are read).

export const SHARE_ID = 'VHVyZlNoYXJlOjc=';
export const DOOR_1 = 'RG9vcjox';
export const DOOR_2 = 'RG9vcjoy';
export const DOOR_3 = 'RG9vcjoz';

export const QUESTIONS = [
  { id: 'q1', label: 'Will you vote?', kind: 'YES_NO', choices: [] },
  { id: 'q2', label: 'Main concern', kind: 'CHOICE', choices: ['Housing', 'Transport'] },
  { id: 'q3', label: 'Anything else', kind: 'TEXT', choices: [] },
];

/** A share as WalkListFields reads it: two addresses on Rue de Siam, one on Rue Jean Jaurès. */
export function walkList(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    __typename: 'TurfShare',
    id: SHARE_ID,
    number: 7,
    doors: 3,
    doorsReported: 1,
    heldByViewer: true,
    checkedOut: true,
    holderName: null,
    checkedOutAt: new Date(now - 600_000).toISOString(),
    pdfUrl: `/walk-lists/${SHARE_ID}.pdf`,
    action: {
      id: ACTION_ID,
      title: 'Porte-à-porte à Recouvrance',
      status: 'PUBLISHED',
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      timeZone: 'Europe/Paris',
      viewerManages: false,
      viewerOrganizes: false,
      questions: QUESTIONS,
    },
    addresses: [
      {
        label: '1 Rue de Siam 29200 Brest',
        street: 'Rue de Siam',
        number: 1,
        suffix: null,
        stationId: '29019_12',
        point: { latitude: 48.39, longitude: -4.49 },
        buildings: [{ id: 'QnVpbGRpbmc6MQ==', label: null, doorCount: null, doors: [{ id: DOOR_1, label: 'Door 1', outcome: 'NOT_HOME' }] }],
      },
      {
        label: '3 bis Rue de Siam 29200 Brest',
        street: 'Rue de Siam',
        number: 3,
        suffix: 'bis',
        stationId: '29019_12',
        point: { latitude: 48.391, longitude: -4.49 },
        buildings: [{ id: 'QnVpbGRpbmc6Mg==', label: 'Building A', doorCount: 1, doors: [{ id: DOOR_2, label: 'Apt 2', outcome: null }] }],
      },
      {
        label: '8 Rue Jean Jaurès 29200 Brest',
        street: 'Rue Jean Jaurès',
        number: 8,
        suffix: null,
        stationId: '29019_12',
        point: { latitude: 48.392, longitude: -4.48 },
        buildings: [{ id: 'QnVpbGRpbmc6Mw==', label: null, doorCount: null, doors: [{ id: DOOR_3, label: 'Door 1', outcome: null }] }],
      },
    ],
    ...overrides,
  };
}

export function shareSummary(number: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'TurfShareSummary',
    id: `VHVyZlNoYXJlOj${number}`,
    number,
    doors: 40 + number,
    addresses: 10 + number,
    checkedOut: false,
    releasedAt: null,
    holderName: null,
    doorsReported: 0,
    heldByViewer: false,
    ...overrides,
  };
}
