import { useEffect, useState } from 'react';
import { executeGraphQL } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ImportReportFieldsFragment, ImportRunQuery as ImportRunResult } from '../../gql/graphql';
import { ImportReportOfRunQuery, ImportRunQuery } from './queries';

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

export type Run = Extract<NonNullable<ImportRunResult['node']>, { __typename: 'JobRun' }>;

/** A job that makes a report (an import): sent, followed while it runs, then how it ended and its report. */
export type JobState<TReport> =
  | { phase: 'idle' }
  | { phase: 'uploading' }
  | { phase: 'running'; runId: string; run: Run | null }
  | { phase: 'done'; run: Run; report: TReport | null }
  | { phase: 'failed'; code: string; reason: string | null; run?: Run; report?: TReport | null };

export type ImportState = JobState<ImportReportFieldsFragment>;

/** "line 12, column 3: problem" → its line, column and problem, to show them apart. */
export function whereOf(reason: string | null | undefined): { line: number; column: number | null; problem: string } | null {
  const match = reason ? /^line (\d+)(?:, column (\d+))?: ([\s\S]*)$/.exec(reason) : null;
  if (!match) return null;
  return { line: Number(match[1]), column: match[2] ? Number(match[2]) : null, problem: match[3]! };
}

function codeOf(cause: unknown): string {
  return cause instanceof ApiError ? cause.primaryCode : 'NETWORK';
}

/** Reads the report a job run made, once it ended. */
export type ReportReader<TReport> = (runId: string, signal: AbortSignal) => Promise<TReport | null>;

async function readImportReport(runId: string, signal: AbortSignal): Promise<ImportReportFieldsFragment | null> {
  return (await executeGraphQL(ImportReportOfRunQuery, { runId }, { signal })).data?.importReportOfRun ?? null;
}

/** For a job that makes no report (its run says all, e.g. the URL of the file it made). */
export const noReport: ReportReader<null> = () => Promise.resolve(null);

/** Follows a job's run every second until it ends, then reads its report (`readReport` must be a stable function). */
export function useJobRun<TReport>(state: JobState<TReport>, setState: (state: JobState<TReport>) => void, readReport: ReportReader<TReport>) {
  const runId = state.phase === 'running' ? state.runId : null;
  useEffect(() => {
    if (!runId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = () => readReport(runId, controller.signal);
    const poll = async () => {
      try {
        const result = await executeGraphQL(ImportRunQuery, { id: runId }, { signal: controller.signal });
        if (controller.signal.aborted) return;
        const node = result.data?.node;
        const run = node?.__typename === 'JobRun' ? node : null;
        if (!run) {
          setState({ phase: 'failed', code: result.error?.primaryCode ?? 'NOT_FOUND', reason: null });
        } else if (run.status === 'SUCCEEDED') {
          setState({ phase: 'done', run, report: await report() });
        } else if (run.status === 'STOPPED' || run.status === 'FAILED') {
          setState({ phase: 'failed', code: run.stopCode ?? 'INTERNAL_ERROR', reason: run.stopReason ?? null, run, report: await report() });
        } else {
          setState({ phase: 'running', runId, run });
          timer = setTimeout(() => void poll(), IMPORT_POLL_MS);
        }
      } catch (cause) {
        if (!controller.signal.aborted) setState({ phase: 'failed', code: codeOf(cause), reason: null });
      }
    };
    timer = setTimeout(() => void poll(), IMPORT_POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // Polling restarts only for another run.
  }, [runId]);
}

/** Follows an import's run every second until it ends, then reads its report. */
export function useImportRun(state: ImportState, setState: (state: ImportState) => void) {
  useJobRun(state, setState, readImportReport);
}

export function useImportState() {
  return useState<ImportState>({ phase: 'idle' });
}
