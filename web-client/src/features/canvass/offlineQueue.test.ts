import { describe, expect, it, vi } from 'vitest';
import { mockApi, signInAs, type GraphQLAnswer } from '../../test/api';
import { ACTION_ID } from '../../test/actionFixtures';
import { DOOR_1, SHARE_ID, walkList } from '../../test/canvassFixtures';
import type { WalkListFieldsFragment } from '../../gql/graphql';
import { clearFieldData, loadShare, queuedReports, queueReport, saveShare, type QueuedReport } from './offlineStore';
import { startReportSync, syncReports } from './sync';

let n = 0;
function report(overrides: Partial<QueuedReport> = {}): QueuedReport {
  n += 1;
  return {
    clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    actionId: ACTION_ID,
    shareId: SHARE_ID,
    doorId: DOOR_1,
    where: '1 Rue de Siam · Door 1',
    outcome: 'OPENED',
    answers: [],
    note: null,
    visitedAt: new Date().toISOString(),
    contact: null,
    queuedAt: new Date(Date.now() + n).toISOString(),
    state: 'pending',
    ...overrides,
  };
}

/** The API answering each report by what its test wants: by client id, else ACCEPTED. */
function submitAnswer(statuses: Record<string, 'ACCEPTED' | 'DUPLICATE' | 'REJECTED'>) {
  return (v: Record<string, unknown>): GraphQLAnswer => {
    const reports = (v.input as { reports: { clientId: string }[] }).reports;
    return {
      data: {
        submitDoorReports: {
          submitted: {
            results: reports.map((r) => {
              const status = statuses[r.clientId] ?? 'ACCEPTED';
              return status === 'REJECTED'
                ? { clientId: r.clientId, status, code: 'DOOR_OUTSIDE_TURF', message: "This door is not in the action's turf." }
                : { clientId: r.clientId, status, code: null, message: null };
            }),
          },
          errors: [],
        },
      },
    };
  };
}

describe('the offline queue of door reports', () => {
  it('keeps a report on the phone while offline, and sends it when the network is back', async () => {
    signInAs();
    const api = mockApi({ graphql: { SubmitDoorReports: submitAnswer({}) } });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const stop = startReportSync();

    const r = report({ answers: [{ questionId: 'q1', value: 'yes' }] });
    await queueReport(r);
    await syncReports();
    expect(api.variablesOf('SubmitDoorReports')).toHaveLength(0);
    expect((await queuedReports()).map((q) => q.clientId)).toEqual([r.clientId]);

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await queuedReports()).toEqual([]));
    expect(api.variablesOf('SubmitDoorReports')).toEqual([
      {
        input: {
          actionId: ACTION_ID,
          reports: [
            { clientId: r.clientId, doorId: DOOR_1, outcome: 'OPENED', answers: [{ questionId: 'q1', value: 'yes' }], note: null, visitedAt: r.visitedAt, contact: null },
          ],
        },
      },
    ]);
    stop();
  });

  it('removes what the API took or already had (DUPLICATE), and keeps what it refused with its message', async () => {
    signInAs();
    const accepted = report();
    const duplicate = report();
    const rejected = report();
    mockApi({ graphql: { SubmitDoorReports: submitAnswer({ [duplicate.clientId]: 'DUPLICATE', [rejected.clientId]: 'REJECTED' }) } });
    for (const r of [accepted, duplicate, rejected]) await queueReport(r);

    await syncReports();
    const left = await queuedReports();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ clientId: rejected.clientId, state: 'rejected', code: 'DOOR_OUTSIDE_TURF', message: "This door is not in the action's turf." });

    // A refused report is not sent again by itself.
    const again = mockApi({ graphql: { SubmitDoorReports: submitAnswer({}) } });
    await syncReports();
    expect(again.variablesOf('SubmitDoorReports')).toHaveLength(0);
  });

  it('keeps everything when the network fails, and sends at most 200 reports per batch', async () => {
    signInAs();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    for (let i = 0; i < 201; i++) await queueReport(report());
    await syncReports();
    expect(await queuedReports()).toHaveLength(201);

    const api = mockApi({ graphql: { SubmitDoorReports: submitAnswer({}) } });
    await syncReports();
    const batches = api.variablesOf('SubmitDoorReports').map((v) => (v.input as { reports: unknown[] }).reports.length);
    expect(batches).toEqual([200, 1]);
    expect(await queuedReports()).toEqual([]);
  });

  it('writes what was sent into the walk list kept on the phone', async () => {
    signInAs();
    mockApi({ graphql: { SubmitDoorReports: submitAnswer({}) } });
    await saveShare(walkList() as unknown as WalkListFieldsFragment);
    await queueReport(report({ doorId: 'RG9vcjoy', outcome: 'WANTS_TO_HELP' }));
    await syncReports();
    const kept = await loadShare(SHARE_ID);
    expect(kept?.share.addresses[1]?.buildings[0]?.doors[0]?.outcome).toBe('WANTS_TO_HELP');
    expect(kept?.share.doorsReported).toBe(2);
  });

  it('forgets everything kept on the phone at sign-out (a shared phone), reports and walk lists', async () => {
    await queueReport(report({ contact: { firstName: 'Anne', lastName: 'K', email: null, phone: '0612345678', consentGiven: true } }));
    await saveShare(walkList() as WalkListFieldsFragment);
    expect(await queuedReports()).toHaveLength(1);
    await clearFieldData();
    expect(await queuedReports()).toHaveLength(0);
    expect(await loadShare(SHARE_ID)).toBeNull();
  });
});
