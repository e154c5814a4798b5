import { useCallback, useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MembershipChangeKind, MembershipImportReportFieldsFragment as MembershipImportReport } from '../../gql/graphql';
import { formatNumber } from '../../i18n/format';
import en from '../../i18n/en.json';
import { isKnownErrorCode, useErrorText } from '../../ui/errorText';
import type { JobState } from '../imports/importRun';
import { columnLetter } from './membership';

type MembershipImportCounts = MembershipImportReport['counts'];
type MembershipProblem = MembershipImportReport['problems'][number];

export type MembershipJob = JobState<MembershipImportReport>;

/** The counts in the order the report shows them (skipped lines only when some were). */
const COUNTS: readonly (keyof MembershipImportCounts)[] = [
  'newMembers',
  'becomeMembers',
  'updated',
  'moveSection',
  'unchanged',
  'becomeFormerMembers',
  'rolesGranted',
  'rolesWithdrawn',
  'rolesNotGranted',
  'consentsRecorded',
];

/** The kinds of change, in the order of the counts, each with its (complete) count. */
const CHANGE_KINDS: readonly { kind: MembershipChangeKind; count: keyof MembershipImportCounts }[] = [
  { kind: 'NEW_MEMBER', count: 'newMembers' },
  { kind: 'BECOMES_MEMBER', count: 'becomeMembers' },
  { kind: 'UPDATED', count: 'updated' },
  { kind: 'MOVES_SECTION', count: 'moveSection' },
  { kind: 'BECOMES_FORMER_MEMBER', count: 'becomeFormerMembers' },
  { kind: 'ROLE_GRANTED', count: 'rolesGranted' },
  { kind: 'ROLE_WITHDRAWN', count: 'rolesWithdrawn' },
  { kind: 'ROLE_NOT_GRANTED', count: 'rolesNotGranted' },
];

type ProblemCode = keyof typeof en.membership.problemCodes;

function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(en.membership.problemCodes, code);
}

/** A problem's or a refusal's code in the reader's language (the code itself when it is not known here). */
export function useProblemLabel(): (code: string) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (code: string) => (isProblemCode(code) ? t(`membership.problemCodes.${code}`) : isKnownErrorCode(code) ? errorText(code) : code),
    [t, errorText],
  );
}

/** Where a problem is, as a spreadsheet shows it: "Line 12, column E", "Line 3", "Whole file". */
export function useWhereText(): (problem: Pick<MembershipProblem, 'line' | 'column'>) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ line, column }) => {
      if (line == null) return t('membership.report.wholeFile');
      if (column == null || column < 1) return t('membership.report.line', { line });
      return t('membership.report.lineColumn', { line, column: columnLetter(column) });
    },
    [t],
  );
}

/** A job being started or running: its progress (the file read, in KB). */
export function RunProgress({ state, testId }: { state: MembershipJob; testId: string }) {
  const { t } = useTranslation();
  if (state.phase === 'uploading') {
    return (
      <p role="status" className="membership-progress" data-testid={testId} data-phase="starting">
        {t('membership.run.starting')}
      </p>
    );
  }
  if (state.phase !== 'running') return null;
  const run = state.run;
  return (
    <p role="status" className="membership-progress" data-testid={testId} data-phase="running">
      {run?.total ? <progress value={run.done} max={run.total} aria-label={t('membership.run.progressLabel')} /> : null}
      {run && run.status === 'RUNNING' && run.total
        ? t('membership.run.progress', { done: formatNumber(run.done), total: formatNumber(run.total) })
        : t('membership.run.queued')}
    </p>
  );
}

/** A job that ended without a report to show (the network, a run that could not be read). */
export function RunFailure({ code, reason }: { code: string; reason: string | null }) {
  const { t } = useTranslation();
  const label = useProblemLabel();
  return (
    <div className="error-box" role="alert" data-testid="membership-run-failed" data-code={code}>
      <p>
        <strong>{t('membership.run.failed')}</strong> {label(code)}
      </p>
      {reason && <p className="report-text">{reason}</p>}
    </div>
  );
}

interface ReportProps {
  report: MembershipImportReport;
  /** The report takes focus when it arrives. */
  ref?: Ref<HTMLElement>;
}

/**
 * A dry run's or an apply's report: its status, the counts, the problems (where a spreadsheet shows them) and the
 * changes by kind. A refused or failed one says why first (its first problem).
 */
export function MembershipReport({ report, ref }: ReportProps) {
  const { t } = useTranslation();
  const label = useProblemLabel();
  const titleId = useId();
  const ended = report.status === 'REFUSED' || report.status === 'FAILED';
  const refusal = ended ? (report.problems[0] ?? null) : null;
  const listed = refusal ? report.problems.slice(1) : report.problems;
  const total = refusal ? (listed.length === 0 ? 0 : Math.max(report.problemCount, listed.length)) : report.problemCount;
  const counts = report.skipInvalidRows || report.counts.skippedRows > 0 ? [...COUNTS, 'skippedRows' as const] : COUNTS;

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="card membership-report"
      aria-labelledby={titleId}
      data-testid="membership-report"
      data-status={report.status}
    >
      <h3 id={titleId}>{report.dryRun ? t('membership.report.dryRunTitle') : t('membership.report.applyTitle')}</h3>
      <p className={`membership-status status-${report.status.toLowerCase()}`} data-testid="membership-status" data-status={report.status}>
        {t(`membership.status.${report.status}`)}
      </p>
      {refusal && (
        <div className="error-box" data-testid="membership-refusal" data-code={refusal.code}>
          <p>
            <strong>{label(refusal.code)}</strong>
          </p>
          <p className="report-text">{refusal.message}</p>
        </div>
      )}
      <p className="muted file-name">
        {t('membership.report.file', { file: report.fileName, size: formatNumber(Math.max(1, Math.round(report.fileBytes / 1024))) })}
        {report.encoding ? ` · ${report.encoding}` : ''}
      </p>
      <dl className="membership-counts" aria-label={t('membership.report.countsLabel')} data-testid="membership-counts">
        <div data-testid="membership-count-rows">
          <dt>{t('membership.report.rows')}</dt>
          <dd>{formatNumber(report.rows)}</dd>
        </div>
        {counts.map((key) => (
          <div key={key} data-testid={`membership-count-${key}`}>
            <dt>{t(`membership.report.counts.${key}`)}</dt>
            <dd>{formatNumber(report.counts[key])}</dd>
          </div>
        ))}
      </dl>
      <Problems problems={listed} total={total} />
      <Changes report={report} />
    </section>
  );
}

function Problems({ problems, total }: { problems: readonly MembershipProblem[]; total: number }) {
  const { t } = useTranslation();
  const label = useProblemLabel();
  const where = useWhereText();
  return (
    <div className="membership-problems" data-testid="membership-problems" data-count={total}>
      <h4>{t('membership.report.problems', { count: total })}</h4>
      {total === 0 && <p className="muted">{t('membership.report.noProblems')}</p>}
      {total > problems.length && problems.length > 0 && <p className="hint">{t('membership.report.problemsListed', { shown: formatNumber(problems.length) })}</p>}
      {problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li
              key={i}
              data-testid="membership-problem"
              data-line={p.line ?? ''}
              data-column={p.column ?? ''}
              data-column-letter={p.column ? columnLetter(p.column) : ''}
              data-code={p.code}
            >
              <span className="problem-where">{where(p)}</span>
              <span className="problem-code">{label(p.code)}</span>
              <span className="problem-message">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Changes({ report }: { report: MembershipImportReport }) {
  const { t } = useTranslation();
  const groups = CHANGE_KINDS.map(({ kind, count }) => ({
    kind,
    count: report.counts[count],
    changes: report.changes.filter((c) => c.kind === kind),
  })).filter((g) => g.count > 0 || g.changes.length > 0);
  return (
    <div className="membership-changes" data-testid="membership-changes">
      <h4>{t('membership.report.changes')}</h4>
      {groups.length === 0 && <p className="muted">{t('membership.report.noChanges')}</p>}
      {groups.map((g) => (
        <details key={g.kind} data-testid={`membership-changes-${g.kind}`} data-count={g.count}>
          <summary>
            {t(`membership.changeKinds.${g.kind}`)} ({formatNumber(g.count)})
            {g.count > g.changes.length && g.changes.length > 0 && (
              <span className="hint"> · {t('membership.report.changesListed', { count: g.changes.length })}</span>
            )}
          </summary>
          <ul className="change-list">
            {g.changes.map((c, i) => (
              <li key={i} data-testid="membership-change">
                <span className="change-name">{c.name}</span>
                {c.detail && <span className="change-detail">{c.detail}</span>}
                {c.line != null && <span className="hint">{t('membership.report.changeLine', { line: c.line })}</span>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
