import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import type { ImportReportFieldsFragment } from '../../gql/graphql';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useIsPhone } from '../../ui/useMediaQuery';
import { ImportReportsQuery } from './queries';

export const REPORTS_PAGE_SIZE = 20;

type Report = ImportReportFieldsFragment;

function Outcome({ report }: { report: Report }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`status status-${report.status.toLowerCase()}`}>{t(`imports.status.${report.status}`)}</span>
      {report.dryRun && <span className="badge">{t('imports.dryRunBadge')}</span>}{' '}
      <span className="report-text">{report.status === 'SUCCEEDED' ? report.summary : report.problem}</span>
      {report.warningCount > 0 && <span className="muted"> · {t('imports.warnings', { count: report.warningCount })}</span>}
    </>
  );
}


/** The imports made so far, newest first: a table at a desk, cards on a phone. */
export function ImportReports({ version }: { version: number }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [after, setAfter] = useState<string[]>([]);
  const { data, error, loading, refetch } = useQuery(ImportReportsQuery, { first: REPORTS_PAGE_SIZE, after: after.at(-1) ?? null });
  // A new import: read the list again, from its first page.
  useEffect(() => {
    if (version === 0) return;
    setAfter([]);
    refetch();
  }, [version, refetch]);
  const reports = (data?.importReports.items ?? []).flatMap((r) => (r ? [r] : []));
  const pageInfo = data?.importReports.pageInfo;

  return (
    <section className="import-reports" aria-labelledby="import-reports-title" data-testid="import-reports">
      <h2 id="import-reports-title">{t('imports.reportsTitle')}</h2>
      {error && <ErrorMessage error={error} />}
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {data && reports.length === 0 && <p data-testid="import-reports-empty">{t('imports.noReports')}</p>}
      {reports.length > 0 &&
        (isPhone ? (
          <ul className="cards" data-testid="import-reports-cards">
            {reports.map((r) => (
              <li key={r.id} className="card-item" data-testid="import-report" data-status={r.status}>
                <div className="card-title">
                  <strong className="file-name">{r.fileName}</strong>
                  <span className="muted">{r.kind}</span>
                </div>
                <span className="muted">
                  {formatDateTime(r.startedAt)} · {t('imports.kb', { size: formatNumber(Math.max(1, Math.round(r.fileBytes / 1024))) })}
                </span>
                <p>
                  <Outcome report={r} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <table className="data-table" data-testid="import-reports-table">
            <caption className="visually-hidden">{t('imports.reportsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.columns.when')}</th>
                <th scope="col">{t('imports.columns.kind')}</th>
                <th scope="col">{t('imports.columns.file')}</th>
                <th scope="col">{t('imports.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id} data-testid="import-report" data-status={r.status}>
                  <td className="nowrap">{formatDateTime(r.startedAt)}</td>
                  <td>{r.kind}</td>
                  <td className="file-name">
                    {r.fileName}
                    <br />
                    <span className="muted">{t('imports.kb', { size: formatNumber(Math.max(1, Math.round(r.fileBytes / 1024))) })}</span>
                  </td>
                  <td>
                    <Outcome report={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {pageInfo && (after.length > 0 || pageInfo.hasNextPage) && (
        <nav className="pager" aria-label={t('people.pages')}>
          <button type="button" onClick={() => setAfter((a) => a.slice(0, -1))} disabled={after.length === 0 || loading} data-testid="import-reports-prev">
            {t('people.previous')}
          </button>
          <button
            type="button"
            onClick={() => pageInfo.endCursor && setAfter((a) => [...a, pageInfo.endCursor!])}
            disabled={!pageInfo.hasNextPage || loading}
            data-testid="import-reports-next"
          >
            {t('people.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
