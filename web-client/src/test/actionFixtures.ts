import { BREST } from './fixtures';

// Test data of the actions feature (not sent to codegen: only graphql(...) documents are read).

export const ACTION_ID = 'QWN0aW9uOjE=';

const HOUR = 3_600_000;

/** An action as ActionDetailsFields reads it; it starts in an hour unless told otherwise. */
export function actionDetails(overrides: Record<string, unknown> = {}) {
  const starts = new Date(Date.now() + HOUR);
  const ends = new Date(Date.now() + 3 * HOUR);
  return {
    __typename: 'Action',
    id: ACTION_ID,
    title: 'Tractage au marché de Saint-Louis',
    kind: 'LEAFLETING',
    status: 'PUBLISHED',
    visibility: 'PUBLIC',
    startsAt: starts.toISOString(),
    endsAt: ends.toISOString(),
    timeZone: 'Europe/Paris',
    approximatePoint: { latitude: 48.39, longitude: -4.486 },
    attendance: { confirmed: 4, waiting: 0, checkedIn: 0, target: 8, capacity: 10, placesLeft: 6 },
    viewerParticipation: null,
    section: { id: BREST.id, name: BREST.name, federation: BREST.federation },
    description: 'Rendez-vous devant les halles.',
    meetingAddress: null,
    meetingPoint: null,
    communeCode: '29019',
    attendanceTarget: 8,
    capacity: 10,
    turfStationIds: null,
    publishedAt: new Date(Date.now() - 24 * HOUR).toISOString(),
    cancelledAt: null,
    cancelReason: null,
    viewerManages: false,
    viewerOrganizes: false,
    notices: null,
    ...overrides,
  };
}

export function participant(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `QWN0aW9uUGFydGljaXBhbnQ6${n}`,
    displayName: `Participant ${n}`,
    email: `p${n}@example.org`,
    phone: n === 1 ? '+33612345678' : null,
    status: 'CONFIRMED',
    joinedAt: '2026-11-01T10:00:00Z',
    checkedInAt: null,
    ...overrides,
  };
}
