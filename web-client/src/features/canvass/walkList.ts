import type { DoorOutcome, WalkListFieldsFragment } from '../../gql/graphql';
import type { QueuedReport } from './offlineStore';

export type WalkAddress = WalkListFieldsFragment['addresses'][number];

export interface StreetGroup {
  street: string;
  addresses: WalkAddress[];
}

/** The addresses in walking order, cut into runs along one street (a street walked twice is two runs). */
export function groupByStreet(addresses: readonly WalkAddress[]): StreetGroup[] {
  const groups: StreetGroup[] = [];
  for (const a of addresses) {
    const last = groups[groups.length - 1];
    if (last && last.street === a.street) last.addresses.push(a);
    else groups.push({ street: a.street, addresses: [a] });
  }
  return groups;
}

/** "12 bis" */
export function houseNumber(a: WalkAddress): string {
  return a.suffix ? `${a.number} ${a.suffix}` : String(a.number);
}

export interface DoorState {
  outcome: DoorOutcome | null;
  /** The outcome comes from a report still on the phone. */
  waiting: boolean;
  rejected: boolean;
}

/** A door's latest outcome: the phone's newest report of it when there is one, else what the API knows. */
export function doorState(doorId: string, known: DoorOutcome | null, queued: readonly QueuedReport[]): DoorState {
  const mine = queued.filter((r) => r.doorId === doorId).sort((a, b) => b.visitedAt.localeCompare(a.visitedAt))[0];
  if (!mine) return { outcome: known, waiting: false, rejected: false };
  return { outcome: mine.outcome, waiting: mine.state === 'pending', rejected: mine.state === 'rejected' };
}
