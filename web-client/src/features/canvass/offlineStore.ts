import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DoorContactInput, DoorOutcome, WalkListFieldsFragment } from '../../gql/graphql';

/**
 * What the phone keeps for the street, in IndexedDB (it survives a reload and works without network): door reports
 * not sent yet (each with the id the phone made for it, so a resend is never counted twice), and the walk lists last
 * opened, so a share reopens offline.
 */

export interface QueuedReport {
  /** Made by the phone (a UUID): the API answers DUPLICATE to a resend. */
  clientId: string;
  actionId: string;
  shareId: string;
  doorId: string;
  /** What the waiting list shows: "12 Rue de Siam · Apt 3". */
  where: string;
  outcome: DoorOutcome;
  answers: { questionId: string; value: string }[];
  note: string | null;
  visitedAt: string;
  contact: DoorContactInput | null;
  queuedAt: string;
  /** pending: to send; rejected: the API refused it (code, message): fix or discard. */
  state: 'pending' | 'rejected';
  code?: string | null;
  message?: string | null;
}

export interface CachedShare {
  id: string;
  savedAt: string;
  share: WalkListFieldsFragment;
}

interface FieldDb extends DBSchema {
  reports: { key: string; value: QueuedReport; indexes: { byShare: string } };
  shares: { key: string; value: CachedShare };
}

const DB_NAME = 'coopol-field';
/** Walk lists kept: the last few opened (a volunteer works one at a time). */
const KEPT_SHARES = 5;

let opened: { factory: IDBFactory; db: Promise<IDBPDatabase<FieldDb>> } | null = null;

/** The database, opened once per IndexedDB factory (tests give each test a fresh one). */
function db(): Promise<IDBPDatabase<FieldDb>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  if (opened?.factory !== indexedDB) {
    opened = {
      factory: indexedDB,
      db: openDB<FieldDb>(DB_NAME, 1, {
        upgrade(database) {
          database.createObjectStore('reports', { keyPath: 'clientId' }).createIndex('byShare', 'shareId');
          database.createObjectStore('shares', { keyPath: 'id' });
        },
      }),
    };
  }
  return opened.db;
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called after every change of the queue (a report added, sent, refused or discarded). */
export function onQueueChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * Forgets everything kept on the phone (reports not sent, walk lists): done at sign-out, so the next person to sign in on
 * a shared phone neither sees households' answers nor sends them under their own name.
 */
export async function clearFieldData(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const database = await db();
  await database.clear('reports');
  await database.clear('shares');
  changed();
}

export async function queueReport(report: QueuedReport): Promise<void> {
  await (await db()).put('reports', report);
  changed();
}

/** Every report not sent yet, oldest first. */
export async function queuedReports(): Promise<QueuedReport[]> {
  const all = await (await db()).getAll('reports');
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Reports the API took (or already had): they leave the phone. */
export async function removeReports(clientIds: readonly string[]): Promise<void> {
  if (!clientIds.length) return;
  const tx = (await db()).transaction('reports', 'readwrite');
  await Promise.all([...clientIds.map((id) => tx.store.delete(id)), tx.done]);
  changed();
}

/** Reports the API refused: kept, with why, for the volunteer to fix or discard. */
export async function markRejected(rejected: readonly { clientId: string; code: string | null; message: string | null }[]): Promise<void> {
  if (!rejected.length) return;
  const tx = (await db()).transaction('reports', 'readwrite');
  for (const r of rejected) {
    const report = await tx.store.get(r.clientId);
    if (report) await tx.store.put({ ...report, state: 'rejected', code: r.code, message: r.message });
  }
  await tx.done;
  changed();
}

export async function discardReport(clientId: string): Promise<void> {
  await removeReports([clientId]);
}

export async function saveShare(share: WalkListFieldsFragment, now = new Date()): Promise<void> {
  const database = await db();
  await database.put('shares', { id: share.id, savedAt: now.toISOString(), share });
  const all = await database.getAll('shares');
  const old = all.sort((a, b) => b.savedAt.localeCompare(a.savedAt)).slice(KEPT_SHARES);
  await Promise.all(old.map((s) => database.delete('shares', s.id)));
}

export async function loadShare(id: string): Promise<CachedShare | null> {
  return (await (await db()).get('shares', id)) ?? null;
}

export async function forgetShare(id: string): Promise<void> {
  await (await db()).delete('shares', id);
}

/** Reports the API took: their outcomes go into the walk lists kept, so a list reopened offline shows them. */
export async function recordOutcomes(reports: readonly QueuedReport[]): Promise<void> {
  if (!reports.length) return;
  const database = await db();
  for (const shareId of new Set(reports.map((r) => r.shareId))) {
    const cached = await database.get('shares', shareId);
    if (!cached) continue;
    const outcomes = new Map(reports.filter((r) => r.shareId === shareId).map((r) => [r.doorId, r.outcome]));
    const addresses = cached.share.addresses.map((a) => ({
      ...a,
      buildings: a.buildings.map((b) => ({ ...b, doors: b.doors.map((d) => ({ ...d, outcome: outcomes.get(d.id) ?? d.outcome })) })),
    }));
    const doorsReported = addresses.reduce((n, a) => n + a.buildings.reduce((m, b) => m + b.doors.filter((d) => d.outcome).length, 0), 0);
    await database.put('shares', { ...cached, share: { ...cached.share, addresses, doorsReported } });
  }
}
