import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { executeGraphQL } from '../../api/client';
import { downloadWithToken } from '../../api/download';
import { ApiError } from '../../api/errors';
import { useMutation } from '../../api/hooks';
import type { ExportPeopleInput, JobRunFieldsFragment, PersonKind } from '../../gql/graphql';
import { isKnownErrorCode, useErrorText } from '../../ui/errorText';
import { ExportPeopleMutation, JobRunQuery } from './queries';

/** How often a running export is asked for its progress. */
export const EXPORT_POLL_MS = 1000;
const FALLBACK_FILE_NAME = 'coopol-people.csv';

type Run = JobRunFieldsFragment;
type ExportState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; run: Run }
  | { phase: 'downloading'; run: Run }
  | { phase: 'done'; run: Run; fileName: string }
  | { phase: 'failed'; code: string | null; reason?: string | null; run?: Run };

function codeOf(cause: unknown): string {
  return cause instanceof ApiError ? cause.primaryCode : 'NETWORK';
}

interface Props {
  sectionId: string;
  kind: PersonKind | '';
  tag: string;
}

/**
 * "Export (CSV)": starts an export job for the section (with the list's kind and tag filters), shows its progress
 * while it runs, then downloads the file with the viewer's token. Shown only to those who view or manage people there.
 */
export function ExportPeople({ sectionId, kind, tag }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const [start] = useMutation(ExportPeopleMutation);
  const pollingId = state.phase === 'running' ? state.run.id : null;

  async function download(run: Run) {
    if (!run.resultUrl) {
      setState({ phase: 'failed', code: null, run });
      return;
    }
    setState({ phase: 'downloading', run });
    try {
      const fileName = await downloadWithToken(run.resultUrl, FALLBACK_FILE_NAME);
      setState({ phase: 'done', run, fileName });
    } catch (cause) {
      setState({ phase: 'failed', code: codeOf(cause), run });
    }
  }

  async function begin() {
    setState({ phase: 'starting' });
    const input: ExportPeopleInput = { scopeId: sectionId };
    if (kind) input.kind = kind;
    if (tag) input.tag = tag;
    const data = await start({ input });
    const payload = data?.exportPeople;
    if (!payload) {
      setState({ phase: 'failed', code: 'NETWORK' });
      return;
    }
    if (payload.errors.length || !payload.run) {
      setState({ phase: 'failed', code: payload.errors[0]?.code ?? null });
      return;
    }
    setState({ phase: 'running', run: payload.run });
  }

  // Polls the run until it ends; leaving the page stops polling (the job itself goes on).
  useEffect(() => {
    if (!pollingId) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const result = await executeGraphQL(JobRunQuery, { id: pollingId }, { signal: controller.signal });
        if (controller.signal.aborted) return;
        const node = result.data?.node;
        const run = node?.__typename === 'JobRun' ? node : null;
        if (!run) {
          setState({ phase: 'failed', code: result.error?.primaryCode ?? null });
        } else if (run.status === 'SUCCEEDED') {
          void download(run);
        } else if (run.status === 'STOPPED' || run.status === 'FAILED') {
          setState({ phase: 'failed', code: run.stopCode ?? null, reason: run.stopReason, run });
        } else {
          setState({ phase: 'running', run });
          timer = setTimeout(() => void poll(), EXPORT_POLL_MS);
        }
      } catch (cause) {
        if (!controller.signal.aborted) setState({ phase: 'failed', code: codeOf(cause) });
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // Polling restarts only for another run (download() only sets state).
  }, [pollingId]);

  const busy = state.phase === 'starting' || state.phase === 'running' || state.phase === 'downloading';

  function progressText(): string | null {
    switch (state.phase) {
      case 'starting':
        return t('export.starting');
      case 'running':
        if (state.run.status === 'QUEUED') return t('export.queued');
        return state.run.total != null
          ? t('export.progress', { done: state.run.done, total: state.run.total })
          : t('export.progressUnknown', { done: state.run.done });
      case 'downloading':
        return t('export.downloading');
      case 'done':
        return t('export.done', { count: state.run.done, file: state.fileName });
      default:
        return null;
    }
  }

  return (
    <div className="export" data-testid="people-export-panel">
      <div className="export-action">
        <button type="button" className="secondary" onClick={() => void begin()} disabled={busy} data-testid="people-export">
          {t('export.button')}
        </button>
        <span className="hint">{t('export.hint')}</span>
      </div>
      <div role="status" data-testid="people-export-status" data-phase={state.phase}>
        {state.phase === 'running' && state.run.total != null && state.run.total > 0 && (
          <progress value={state.run.done} max={state.run.total} aria-label={t('export.button')} />
        )}
        {progressText()}
        {state.phase === 'done' && (
          <button type="button" className="link" onClick={() => void download(state.run)} data-testid="people-export-again">
            {t('export.again')}
          </button>
        )}
      </div>
      {state.phase === 'failed' && (
        <p className="error" role="alert" data-testid="people-export-error" data-code={state.code ?? ''}>
          {t('export.failed')}{' '}
          {/* A stop the interface has no words for yet is told in the server's own. */}
          {isKnownErrorCode(state.code) || !state.reason ? errorText(state.code) : state.reason}
        </p>
      )}
    </div>
  );
}
