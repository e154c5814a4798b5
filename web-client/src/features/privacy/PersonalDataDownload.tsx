import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { executeGraphQL } from '../../api/client';
import { downloadWithToken } from '../../api/download';
import { ApiError } from '../../api/errors';
import { isKnownErrorCode, useErrorText } from '../../ui/errorText';
import { noReport, useJobRun, type JobState, type Run } from '../imports/importRun';
import { ExportPersonalDataMutation } from './queries';

/** The name the file is saved under when the API gives none (it names it coopol-donnees-<date>.zip). */
const FALLBACK_FILE_NAME = 'coopol-data.zip';

type Job = JobState<null>;
type Saving = { phase: 'idle' } | { phase: 'downloading' } | { phase: 'saved'; fileName: string } | { phase: 'failed'; code: string };

function codeOf(cause: unknown): string {
  return cause instanceof ApiError ? cause.primaryCode : 'NETWORK';
}

interface Props {
  /** Whose data: a person the viewer manages, on their request; none for the viewer's own. */
  personId?: string;
  /** The button's label: "Download my data", "Download their data". */
  label: string;
  /** `<testId>` (the button), `<testId>-status` (`data-phase`), `<testId>-error` (`data-code`), `<testId>-again`. */
  testId: string;
  /** A quieter button, where the download is not the page's main action. */
  secondary?: boolean;
}

/**
 * Everything Coopol holds about a person, as a ZIP a job makes: starts the job, follows it (the shared job poll), then
 * downloads the file with the viewer's token. The file is kept a day: it can be downloaded again meanwhile.
 */
export function PersonalDataDownload({ personId, label, testId, secondary = false }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [job, setJob] = useState<Job>({ phase: 'idle' });
  const [saving, setSaving] = useState<Saving>({ phase: 'idle' });

  const save = useCallback(async (run: Run) => {
    if (!run.resultUrl) {
      setSaving({ phase: 'failed', code: 'EXPORT_NOT_FOUND' });
      return;
    }
    setSaving({ phase: 'downloading' });
    try {
      setSaving({ phase: 'saved', fileName: await downloadWithToken(run.resultUrl, FALLBACK_FILE_NAME) });
    } catch (cause) {
      setSaving({ phase: 'failed', code: codeOf(cause) });
    }
  }, []);

  // Once the job made the file, it is downloaded at once.
  const follow = useCallback(
    (next: Job) => {
      setJob(next);
      if (next.phase === 'done') void save(next.run);
    },
    [save],
  );
  useJobRun(job, follow, noReport);

  async function begin() {
    setSaving({ phase: 'idle' });
    setJob({ phase: 'uploading' });
    try {
      const result = await executeGraphQL(ExportPersonalDataMutation, personId ? { personId } : {});
      const payload = result.data?.exportPersonalData;
      if (!payload?.run || payload.errors.length > 0) {
        setJob({ phase: 'failed', code: payload?.errors[0]?.code ?? result.error?.primaryCode ?? 'INTERNAL_ERROR', reason: null });
        return;
      }
      setJob({ phase: 'running', runId: payload.run.id, run: null });
    } catch (cause) {
      setJob({ phase: 'failed', code: codeOf(cause), reason: null });
    }
  }

  const busy = job.phase === 'uploading' || job.phase === 'running' || saving.phase === 'downloading';
  const phase = job.phase === 'uploading' ? 'starting' : job.phase === 'done' ? (saving.phase === 'saved' ? 'done' : saving.phase === 'failed' ? 'failed' : 'downloading') : job.phase;
  const failure = job.phase === 'failed' ? job : saving.phase === 'failed' ? { code: saving.code, reason: null } : null;

  function progressText(): string | null {
    if (job.phase === 'uploading') return t('privacy.download.starting');
    if (job.phase === 'running') return !job.run || job.run.status === 'QUEUED' ? t('privacy.download.queued') : t('privacy.download.running');
    if (job.phase !== 'done') return null;
    if (saving.phase === 'saved') return t('privacy.download.done', { file: saving.fileName });
    return saving.phase === 'failed' ? null : t('privacy.download.downloading');
  }

  return (
    <div className="export personal-data-download">
      <div className="export-action">
        <button type="button" className={secondary ? 'secondary' : undefined} onClick={() => void begin()} disabled={busy} data-testid={testId}>
          {label}
        </button>
      </div>
      <div role="status" className="download-status" data-testid={`${testId}-status`} data-phase={phase}>
        {job.phase === 'running' && <progress aria-label={label} />}
        {progressText()}
        {job.phase === 'done' && saving.phase === 'saved' && (
          <>
            {' '}
            <button type="button" className="link" onClick={() => void save(job.run)} data-testid={`${testId}-again`}>
              {t('privacy.download.again')}
            </button>
          </>
        )}
      </div>
      {failure && (
        <p className="error" role="alert" data-testid={`${testId}-error`} data-code={failure.code}>
          {t('privacy.download.failed')}{' '}
          {/* A stop the interface has no words for yet is told in the server's own. */}
          {isKnownErrorCode(failure.code) || !failure.reason ? errorText(failure.code) : failure.reason}
        </p>
      )}
    </div>
  );
}
