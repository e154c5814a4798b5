import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ActionStatus } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useUrlPatch } from '../../ui/useUrlPatch';
import { ActionCard, type ActionSummary } from './ActionCard';
import { MyActionsQuery, SectionActionsQuery } from './queries';
import { usePagedQuery } from './usePagedQuery';

const PAGE = 25;
const STATUSES: readonly ActionStatus[] = ['DRAFT', 'PUBLISHED', 'CANCELLED', 'DONE'];

interface ListProps {
  actions: readonly ActionSummary[];
  hasNext: boolean;
  loadingMore: boolean;
  onMore: () => void;
  empty: string;
  showSection?: boolean;
}

/** Actions as cards (phone and desk alike: a card holds what a row would), then "more". */
function ActionList({ actions, hasNext, loadingMore, onMore, empty, showSection }: ListProps) {
  const { t } = useTranslation();
  return (
    <>
      {actions.length === 0 ? (
        <p data-testid="actions-empty">{empty}</p>
      ) : (
        <ul className="cards action-cards" data-testid="actions-list">
          {actions.map((a) => (
            <ActionCard key={a.id} action={a} showSection={showSection} />
          ))}
        </ul>
      )}
      {hasNext && (
        <button type="button" className="secondary more" onClick={onMore} disabled={loadingMore} data-testid="actions-more">
          {loadingMore ? t('common.loading') : t('actions.more')}
        </button>
      )}
    </>
  );
}

/** A section's actions (?status=&past=1 in the URL), drafts included for those who manage them. */
export function SectionActionsPage() {
  const { sectionId = '' } = useParams();
  const { t } = useTranslation();
  const [url, update] = useUrlPatch<'status' | 'past'>();
  const status = STATUSES.find((s) => s === url.get('status')) ?? null;
  const past = url.get('past') === '1';
  const variables = useMemo(() => ({ sectionId, status, upcomingOnly: !past, first: PAGE, after: null }), [sectionId, status, past]);
  const list = usePagedQuery(SectionActionsQuery, variables, (d) => d.actions);
  const section = list.data?.section ?? null;
  useDocumentTitle(section ? t('actions.section.title', { section: section.name }) : null);

  if (!list.data && list.loading) return <p role="status">{t('common.loading')}</p>;
  if (!section) {
    return list.error ? <ErrorMessage error={list.error} /> : <p className="notice" data-testid="section-not-found">{t('section.notFound')}</p>;
  }
  const manages = section.viewerPermissions.includes('MANAGE_ACTIONS');
  return (
    <div className="page" data-testid="section-actions-page">
      <p className="breadcrumb">
        <Link to={`/sections/${encodeURIComponent(section.id)}`}>{section.name}</Link>
      </p>
      <div className="page-heading">
        <PageHeading>{t('actions.section.title', { section: section.name })}</PageHeading>
        {manages && (
          <Link className="button-link" to={`/sections/${encodeURIComponent(section.id)}/actions/new`} data-testid="action-new">
            {t('actions.section.new')}
          </Link>
        )}
      </div>
      <div className="filters">
        <label>
          {t('actions.section.status')}
          <select value={status ?? ''} onChange={(e) => update({ status: e.target.value })} data-testid="actions-status-filter">
            <option value="">{t('actions.section.allStatuses')}</option>
            {STATUSES.filter((s) => manages || s !== 'DRAFT').map((s) => (
              <option key={s} value={s}>
                {t(`actions.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={past} onChange={(e) => update({ past: e.target.checked ? '1' : null })} data-testid="actions-past" />
          {t('actions.section.past')}
        </label>
      </div>
      {list.error && <ErrorMessage error={list.error} />}
      {list.moreError && <ErrorMessage error={list.moreError} />}
      <ActionList
        actions={list.items}
        hasNext={list.hasNext}
        loadingMore={list.loadingMore}
        onMore={() => void list.loadMore()}
        empty={t('actions.section.none')}
      />
    </div>
  );
}

/** The upcoming actions the signed-in person takes part in, waits for, or organizes. */
export function MyActionsPage() {
  const { t } = useTranslation();
  const list = usePagedQuery(MyActionsQuery, { first: PAGE, after: null }, (d) => d.myActions);
  useDocumentTitle(t('actions.mine.title'));
  return (
    <div className="page" data-testid="my-actions-page">
      <div className="page-heading">
        <PageHeading>{t('actions.mine.title')}</PageHeading>
        <Link className="button-link secondary" to="/actions">
          {t('actions.near.title')}
        </Link>
      </div>
      {!list.data && list.loading && <p role="status">{t('common.loading')}</p>}
      {list.error && <ErrorMessage error={list.error} />}
      {list.moreError && <ErrorMessage error={list.moreError} />}
      {list.data && (
        <ActionList
          actions={list.items}
          hasNext={list.hasNext}
          loadingMore={list.loadingMore}
          onMore={() => void list.loadMore()}
          empty={t('actions.mine.none')}
          showSection
        />
      )}
    </div>
  );
}
