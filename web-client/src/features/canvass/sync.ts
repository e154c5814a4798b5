import { executeGraphQL } from '../../api/client';
import { readToken } from '../../api/token';
import type { DoorReportInput } from '../../gql/graphql';
import { markRejected, queuedReports, recordOutcomes, removeReports, type QueuedReport } from './offlineStore';
import { SubmitDoorReportsMutation } from './queries';

/** The API takes at most 200 reports per batch. */
export const BATCH = 200;

/** Refusals of a whole batch that sending again will not change: its reports are shown as refused. */
const FINAL_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'ACTION_NOT_FOUND', 'ACTION_CANCELLED', 'ACTION_NOT_PUBLISHED', 'NOT_DOOR_TO_DOOR', 'INVALID_ID']);

function toInput(r: QueuedReport): DoorReportInput {
  return {
    clientId: r.clientId,
    doorId: r.doorId,
    outcome: r.outcome,
    answers: r.answers,
    note: r.note,
    visitedAt: r.visitedAt,
    contact: r.contact,
  };
}

function online(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Sends the waiting reports, by action, in batches of 200: ACCEPTED and DUPLICATE ones leave the queue, REJECTED ones
 * stay with the API's code and message. Offline, signed out or on a network failure, everything stays for the next
 * try (the `online` event, the next start, the next report). One run at a time; a call during a run runs once more.
 */
export function syncReports(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await sendOnce();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

async function sendOnce(): Promise<void> {
  if (!online() || !readToken()) return;
  let pending: QueuedReport[];
  try {
    pending = (await queuedReports()).filter((r) => r.state === 'pending');
  } catch {
    return; // no IndexedDB (private mode of some browsers): nothing was queued either
  }
  const byAction = new Map<string, QueuedReport[]>();
  for (const r of pending) byAction.set(r.actionId, [...(byAction.get(r.actionId) ?? []), r]);

  for (const [actionId, reports] of byAction) {
    for (let i = 0; i < reports.length; i += BATCH) {
      const batch = reports.slice(i, i + BATCH);
      let answer;
      try {
        answer = await executeGraphQL(SubmitDoorReportsMutation, { input: { actionId, reports: batch.map(toInput) } });
      } catch {
        return; // network down or signed out: kept for later
      }
      const refusal = answer.error?.codes.find((c) => FINAL_CODES.has(c));
      const payload = answer.data?.submitDoorReports;
      if (answer.error && !payload) {
        if (refusal) await markRejected(batch.map((r) => ({ clientId: r.clientId, code: refusal, message: answer.error!.message })));
        else return; // a passing failure (server error…): kept for later
        continue;
      }
      if (!payload) return;
      if (payload.errors.length) {
        const e = payload.errors[0]!;
        await markRejected(batch.map((r) => ({ clientId: r.clientId, code: e.code, message: e.message })));
        continue;
      }
      const results = payload.submitted?.results ?? [];
      const taken = new Set(results.filter((r) => r.status === 'ACCEPTED' || r.status === 'DUPLICATE').map((r) => String(r.clientId)));
      await recordOutcomes(batch.filter((r) => taken.has(r.clientId))).catch(() => undefined);
      await removeReports([...taken]);
      await markRejected(
        results.filter((r) => r.status === 'REJECTED').map((r) => ({ clientId: String(r.clientId), code: r.code ?? null, message: r.message ?? null })),
      );
    }
  }
}

/** Starts sending: now, and each time the device comes back online. Returns what stops it. */
export function startReportSync(): () => void {
  const send = () => void syncReports();
  send();
  window.addEventListener('online', send);
  return () => window.removeEventListener('online', send);
}
