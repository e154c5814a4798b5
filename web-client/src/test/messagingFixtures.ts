import { BREST, SECRETARY_PERMISSIONS, secretaryGrant } from './fixtures';

// Test data of the messaging feature (not sent to codegen: only graphql(...) documents are read).

export const MESSAGE_ID = 'TWVzc2FnZTox';
export const SEGMENT_ID = 'U2VnbWVudDox';

export const PAGE_INFO = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

export function count(matched: number | null, emailReachable: number | null, smsReachable: number | null, smallCountsHidden = false) {
  return { matched, emailReachable, smsReachable, smallCountsHidden };
}

/** The section's secretary sees everyone in it (MANAGE_PEOPLE); a delegate holding SEND_MESSAGES alone does not. */
export const DELEGATE_PERMISSIONS = ['SEND_MESSAGES'];

export const delegateGrant = { ...secretaryGrant, id: 'Um9sZUdyYW50OjM=', role: 'DELEGATE', permissions: DELEGATE_PERMISSIONS };

/** MessagingSection's answer, as the section's secretary reads it (a handler: it takes no argument of its own). */
export function messagingSection() {
  return messagingSectionWith(SECRETARY_PERMISSIONS);
}

export function messagingSectionWith(viewerPermissions: string[]) {
  return {
    data: {
      section: {
        id: BREST.id,
        name: BREST.name,
        viewerPermissions,
        federation: BREST.federation,
        seatLocation: { latitude: 48.39, longitude: -4.49 },
      },
    },
  };
}

export function segment(overrides: Record<string, unknown> = {}) {
  return {
    id: SEGMENT_ID,
    name: 'Recouvrance',
    level: 'SECTION',
    federationCode: '29',
    sectionId: BREST.id,
    definition: {
      kinds: ['MEMBER'],
      tags: ['porte-à-porte'],
      sectionIds: [],
      stationIds: ['29019_0001'],
      actionIds: [],
      consentFor: null,
      personCount: 0,
      personIds: [] as string[],
    },
    area: null,
    count: count(42, 30, 12),
    updatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function segmentsAnswer(items: unknown[] = [segment()]) {
  return { data: { segments: { pageInfo: PAGE_INFO, items } } };
}

const STATS = { queued: 0, held: 0, sending: 0, sent: 0, delivered: 0, failed: 0, bounced: 0, optedOut: 0, tests: 0 };

/** A message as MessageDetailsFields reads it: a newsletter draft of Brest Centre unless told otherwise. */
export function message(overrides: Record<string, unknown> = {}) {
  const { stats, ...rest } = overrides;
  return {
    id: MESSAGE_ID,
    channel: 'EMAIL',
    status: 'DRAFT',
    subject: 'Réunion publique jeudi',
    body: 'Bonjour {{firstName}},\n\nRendez-vous jeudi.',
    segmentId: SEGMENT_ID,
    segmentName: 'Recouvrance',
    createdAt: '2026-11-28T09:00:00Z',
    scheduledAt: null,
    sendStartedAt: null,
    finishedAt: null,
    purpose: 'NEWS',
    level: 'SECTION',
    sectionId: BREST.id,
    federationCode: '29',
    campaign: true,
    ignoreQuietHours: false,
    matched: 0,
    withoutConsent: 0,
    withoutContact: 0,
    duplicates: 0,
    queued: 0,
    stopCode: null,
    stopReason: null,
    stats: { ...STATS, ...(stats as object | undefined) },
    ...rest,
  };
}

export function outboxEntry(overrides: Record<string, unknown> = {}) {
  return {
    recipient: 'a***@example.org',
    recipientName: null,
    status: 'SENT',
    note: null,
    errorCode: null,
    attempts: 1,
    isTest: false,
    sentAt: '2026-11-28T10:00:05Z',
    deliveredAt: null,
    local: false,
    ...overrides,
  };
}

export function preview(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Réunion publique jeudi',
    html: '<!doctype html><html><body><h1 class="injected">Bonjour Anne</h1></body></html>',
    text: 'Bonjour Anne',
    sms: null,
    costPerRecipient: null,
    currency: null,
    ...overrides,
  };
}
