import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { Permission } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AddPersonForm } from './AddPersonForm';
import { ExportPeople } from './ExportPeople';
import { PeopleFilters } from './PeopleFilters';
import { PeopleList } from './PeopleList';
import { peopleVariables, usePeopleParams } from './peopleParams';
import { SectionPeopleQuery } from './queries';

/** A section's people. `intro` goes under its heading (the home page puts invitations and the section search there). */
export function SectionPeople({ sectionId, intro }: { sectionId: string; intro?: ReactNode }) {
  const { t } = useTranslation();
  const { params, setFilter, next, previous, firstPage } = usePeopleParams();
  const [adding, setAdding] = useState(false);
  const { data, error, loading } = useQuery(SectionPeopleQuery, peopleVariables(sectionId, params));

  const section = data?.section ?? null;
  const people = data?.peopleOf?.people ?? null;
  const forbidden = error?.hasCode('FORBIDDEN') ?? false;
  const rows = (people?.items ?? []).flatMap((p) => (p ? [p] : []));
  useDocumentTitle(section?.name);

  // What to offer is what the API says the viewer holds over this section.
  const can = (p: Permission) => section?.viewerPermissions.includes(p) ?? false;
  const canManagePeople = can('MANAGE_PEOPLE');
  const canExport = can('VIEW_PEOPLE') || canManagePeople;
  const canManageDelegations = can('MANAGE_DELEGATIONS');
  const canSendMessages = can('SEND_MESSAGES');

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  if (!section && !forbidden) {
    if (error) return <ErrorMessage error={error} />;
    return (
      <p className="notice" role="alert" data-testid="section-not-found">
        {t('section.notFound')}
      </p>
    );
  }

  return (
    <section className="section-people" aria-labelledby="section-title" data-testid="section-people">
      <div className="page-heading">
        <div>
          <PageHeading id="section-title" data-testid="section-name">
            {section?.name ?? t('section.untitled')}
          </PageHeading>
          {section && (
            <p className="muted">{t('section.federation', { name: section.federation.name, code: section.federation.code })}</p>
          )}
        </div>
        <div className="actions">
          {canManagePeople && !adding && (
            <button type="button" onClick={() => setAdding(true)} data-testid="add-person-open">
              {t('personForm.addOpen')}
            </button>
          )}
          {section && (
            <Link className="button-link secondary" to={`/sections/${encodeURIComponent(section.id)}/actions`} data-testid="section-actions-link">
              {t('section.actionsLink')}
            </Link>
          )}
          {canSendMessages && section && (
            <Link className="button-link secondary" to={`/messages?section=${encodeURIComponent(section.id)}`} data-testid="section-messages-link">
              {t('section.messagesLink')}
            </Link>
          )}
          {canManageDelegations && section && (
            <Link className="button-link secondary" to={`/sections/${encodeURIComponent(section.id)}/delegations`} data-testid="delegations-link">
              {t('section.delegationsLink')}
            </Link>
          )}
        </div>
      </div>

      {intro}
      {canManagePeople && adding && section && <AddPersonForm section={section} onCancel={() => setAdding(false)} />}

      {forbidden ? (
        <p className="notice" role="alert" data-testid="people-forbidden">
          {t('section.peopleForbidden')}
        </p>
      ) : (
        <>
          <PeopleFilters params={params} onChange={setFilter} loading={loading} />
          {canExport && <ExportPeople sectionId={sectionId} kind={params.kind} tag={params.tag} />}

          {error && !people && <ErrorMessage error={error} />}
          {error?.hasCode('INVALID_CURSOR') && (
            <button type="button" className="secondary" onClick={firstPage} data-testid="people-first-page">
              {t('people.firstPage')}
            </button>
          )}

          {people && (
            <>
              <p className="count" data-testid="people-total" data-total={people.totalCount ?? ''}>
                {t('people.total', { count: people.totalCount ?? rows.length })}
              </p>
              {rows.length === 0 ? (
                <p data-testid="people-empty">{t('people.empty')}</p>
              ) : (
                <PeopleList people={rows} sectionName={section?.name ?? ''} />
              )}
              <nav className="pager" aria-label={t('people.pages')}>
                <button
                  type="button"
                  onClick={() => people.pageInfo.startCursor && previous(people.pageInfo.startCursor)}
                  disabled={!people.pageInfo.hasPreviousPage || !people.pageInfo.startCursor || loading}
                  data-testid="people-prev"
                >
                  {t('people.previous')}
                </button>
                <button
                  type="button"
                  onClick={() => people.pageInfo.endCursor && next(people.pageInfo.endCursor)}
                  disabled={!people.pageInfo.hasNextPage || !people.pageInfo.endCursor || loading}
                  data-testid="people-next"
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
