import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadWithToken } from '../../api/download';
import { ApiError } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import type { ResultsLevel } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useErrorText } from '../../ui/errorText';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useBlocs, useElections } from '../elections/useElections';
import { ResultsTableQuery } from './queries';
import { ResultsFilters } from './ResultsFilters';
import { ResultsList } from './ResultsList';
import { csvUrl, resultsVariables, useResultsParams, type ParamName, type ResultsParams } from './resultsParams';

interface Crumb {
  label: string;
  patch: Partial<Record<ParamName, string | null>>;
}

/** Where the table is, from the whole country down: each step goes back up to that level. */
function crumbsOf(p: ResultsParams, names: { federation?: string; commune?: string }, t: (key: 'results.nation' | 'results.federations') => string): Crumb[] {
  const crumbs: Crumb[] = [{ label: t('results.nation'), patch: { level: null, federation: null, constituency: null, commune: null } }];
  if (p.level === 'NATION') return crumbs;
  crumbs.push({ label: t('results.federations'), patch: { level: 'FEDERATION', federation: null, constituency: null, commune: null } });
  if (p.federation) crumbs.push({ label: names.federation ?? p.federation, patch: { level: 'CONSTITUENCY', constituency: null, commune: null } });
  if (p.constituency) crumbs.push({ label: p.constituency, patch: { level: 'COMMUNE', commune: null } });
  if (p.commune) crumbs.push({ label: names.commune ?? p.commune, patch: { level: 'STATION' } });
  return crumbs;
}

/** The results review: zones of a level (drilled down from the nation to the stations), sorted, filtered, paged. */
export function ResultsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { params, set, drill, next, previous, firstPage } = useResultsParams();
  const { elections, election, error: electionsError, loading: electionsLoading } = useElections(params.election);
  const blocs = useBlocs(election?.id ?? null);
  const compareTo = election?.otherRound?.id ?? null;
  const variables = election ? resultsVariables({ ...params, compare: params.compare && !!compareTo }, election.id, compareTo, blocs) : null;
  const { data, error, loading } = useQuery(ResultsTableQuery, variables!, { skip: !variables });
  const [csvError, setCsvError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  useDocumentTitle(t('results.title'));

  const table = data?.resultsTable ?? null;
  const rows = (table?.items ?? []).flatMap((r) => (r ? [r] : []));
  const crumbs = crumbsOf(
    params,
    { federation: data?.federationZone?.items?.[0]?.name, commune: data?.communeZone?.items?.[0]?.name },
    (key) => t(key),
  );
  const compare = params.compare && !!compareTo;
  const page = params.trail.length + 1;

  async function downloadCsv() {
    if (!election) return;
    setCsvError(null);
    setDownloading(true);
    try {
      await downloadWithToken(csvUrl({ ...params, compare }, election.id, compareTo, blocs), `resultats-${params.level.toLowerCase()}.csv`);
    } catch (cause) {
      setCsvError(cause instanceof ApiError ? cause.primaryCode : 'NETWORK');
    } finally {
      setDownloading(false);
    }
  }

  return (
    <section className="page results-page" data-testid="results-page">
      <div className="page-heading">
        <div>
          <PageHeading>{t('results.title')}</PageHeading>
          <p className="muted">{t('results.intro')}</p>
        </div>
        {election && (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void downloadCsv()} disabled={downloading} data-testid="results-csv">
              {downloading ? t('results.downloading') : t('results.csv')}
            </button>
          </div>
        )}
      </div>
      {csvError && (
        <p className="error" role="alert" data-testid="results-csv-error" data-code={csvError}>
          {errorText(csvError)}
        </p>
      )}

      {electionsLoading && <p role="status">{t('common.loading')}</p>}
      {electionsError && <ErrorMessage error={electionsError} />}
      {!electionsLoading && !electionsError && !election && (
        <p className="notice" data-testid="results-no-election">
          {t('map.noElection')}
        </p>
      )}

      {election && (
        <>
          <ResultsFilters params={params} elections={elections} election={election} blocs={blocs} onChange={set} loading={loading} />

          <nav className="breadcrumb results-breadcrumb" aria-label={t('results.where')} data-testid="results-breadcrumb">
            <ol>
              {crumbs.map((c, i) => (
                <li key={i} data-testid="results-crumb">
                  {i === crumbs.length - 1 ? (
                    <span aria-current="page">{c.label}</span>
                  ) : (
                    <button type="button" className="link" onClick={() => set(c.patch)}>
                      {c.label}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </nav>

          {error && !table && <ErrorMessage error={error} />}
          {error?.hasCode('INVALID_CURSOR') && (
            <button type="button" className="secondary" onClick={firstPage} data-testid="results-first-page">
              {t('people.firstPage')}
            </button>
          )}

          {table && (
            <>
              <p className="count" data-testid="results-total" data-total={table.totalCount ?? ''}>
                {t(`results.levels.${params.level}`, { count: table.totalCount ?? rows.length })}
              </p>
              {rows.length === 0 ? (
                <p data-testid="results-empty">{t('results.empty')}</p>
              ) : (
                <ResultsList
                  rows={rows}
                  blocs={blocs}
                  compare={compare}
                  electionId={election.id}
                  caption={t('results.caption', { election: election.name })}
                  onDrill={(level: ResultsLevel, code: string) => drill(level, code)}
                />
              )}
              <nav className="pager" aria-label={t('people.pages')}>
                <button
                  type="button"
                  onClick={previous}
                  disabled={!table.pageInfo.hasPreviousPage || params.trail.length === 0 || loading}
                  data-testid="results-prev"
                >
                  {t('people.previous')}
                </button>
                <span className="muted" data-testid="results-page-number">
                  {t('results.page', { page })}
                </span>
                <button
                  type="button"
                  onClick={() => table.pageInfo.endCursor && next(table.pageInfo.endCursor)}
                  disabled={!table.pageInfo.hasNextPage || !table.pageInfo.endCursor || loading}
                  data-testid="results-next"
                >
                  {t('people.next')}
                </button>
              </nav>
            </>
          )}
        </>
      )}
    </section>
  );
}
