import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useIsPhone } from '../../ui/useMediaQuery';
import { usePagedQuery } from '../actions/usePagedQuery';
import type { MembershipImportSummaryFieldsFragment } from '../../gql/graphql';
import { MembershipImportsQuery } from './queries';

export const HISTORY_PAGE_SIZE = 10;

function Outcome({ item }: { item: MembershipImportSummaryFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`status status-${item.status.toLowerCase()}`}>{t(`membership.history.outcomes.${item.status}`)}</span>
      {item.status === 'APPLIED' && item.skipInvalidRows && <span className="muted">{t('membership.history.skipping')}</span>}
    </>
  );
}

/** The dry runs and applies of a scope, newest first: a table at a desk, cards on a phone; ten at a time. */
export function MembershipHistory({ scopeId, scopeLabel }: { scopeId: string | null; scopeLabel: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const variables = useMemo(() => ({ scopeId, first: HISTORY_PAGE_SIZE, after: null }), [scopeId]);
  const list = usePagedQuery(MembershipImportsQuery, variables, (d) => d.membershipImports);
  const items = list.items;

  return (
    <section className="membership-history" aria-labelledby="membership-history-title" data-testid="membership-history">
      <h2 id="membership-history-title">{t('membership.history.title')}</h2>
      <p className="muted">{t('membership.scopeChosen', { scope: scopeLabel })}</p>
      {list.error && <ErrorMessage error={list.error} />}
      {list.loading && !list.data && <p role="status">{t('common.loading')}</p>}
      {list.data && items.length === 0 && <p data-testid="membership-history-empty">{t('membership.history.empty')}</p>}
      {items.length > 0 &&
        (isPhone ? (
          <ul className="cards" data-testid="membership-history-cards">
            {items.map((i) => (
              <li key={i.id} className="card-item" data-testid="membership-history-item" data-status={i.status} data-dry-run={i.dryRun}>
                <div className="card-title">
                  <strong className="file-name">{i.fileName}</strong>
                </div>
                <span className="muted">{formatDateTime(i.startedAt)}</span>
                <p>
                  <Outcome item={i} />
                </p>
                <span>
                  {t('membership.history.rowsCount', { count: i.rows })} ·{' '}
                  {t('membership.history.problemCount', { count: i.problemCount })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <table className="data-table" data-testid="membership-history-table">
            <caption className="visually-hidden">{t('membership.history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('membership.history.when')}</th>
                <th scope="col">{t('membership.history.file')}</th>
                <th scope="col">{t('membership.history.outcome')}</th>
                <th scope="col" className="number">
                  {t('membership.history.rows')}
                </th>
                <th scope="col" className="number">
                  {t('membership.history.problems')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} data-testid="membership-history-item" data-status={i.status} data-dry-run={i.dryRun}>
                  <td className="nowrap">{formatDateTime(i.startedAt)}</td>
                  <td className="file-name">{i.fileName}</td>
                  <td>
                    <Outcome item={i} />
                  </td>
                  <td className="number">{formatNumber(i.rows)}</td>
                  <td className="number">{formatNumber(i.problemCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {list.moreError && <ErrorMessage error={list.moreError} />}
      {list.hasNext && (
        <button type="button" className="secondary more" onClick={() => void list.loadMore()} disabled={list.loadingMore} data-testid="membership-history-more">
          {list.loadingMore ? t('common.loading') : t('membership.history.more')}
        </button>
      )}
    </section>
  );
}
