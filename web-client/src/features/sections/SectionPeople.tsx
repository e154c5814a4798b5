import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDebouncedValue, useQuery } from '../../api/hooks';
import type { PersonFilter, PersonKind } from '../../gql/graphql';
import { ErrorMessage } from '../layout/ErrorMessage';
import { canManagePeopleOn, hasPermissionOn } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { AddPersonForm } from './AddPersonForm';
import { SectionPeopleQuery } from './queries';

export const PAGE_SIZE = 25;
export const SEARCH_DEBOUNCE_MS = 300;

type KindFilter = '' | PersonKind;

interface Pager {
  /** The filter the cursors belong to; a new filter starts again at page 1. */
  key: string;
  /** `after` cursors of the pages visited; the last one is the current page. */
  stack: (string | null)[];
}

export function SectionPeople({ sectionId }: { sectionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<KindFilter>('');
  const [adding, setAdding] = useState(false);
  const debouncedSearch = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  const filter = useMemo<PersonFilter | null>(() => {
    const f: PersonFilter = {};
    if (debouncedSearch) f.search = debouncedSearch;
    if (kind) f.kind = kind;
    return Object.keys(f).length ? f : null;
  }, [debouncedSearch, kind]);

  const pagerKey = JSON.stringify([sectionId, filter]);
  const [pager, setPager] = useState<Pager>({ key: pagerKey, stack: [null] });
  const stack = pager.key === pagerKey ? pager.stack : [null];
  const after = stack[stack.length - 1] ?? null;

  const { data, error, loading } = useQuery(SectionPeopleQuery, {
    id: sectionId,
    first: PAGE_SIZE,
    after,
    filter,
  });

  const section = data?.section ?? null;
  const people = data?.peopleOf?.people ?? null;
  const forbidden = error?.hasCode('FORBIDDEN') ?? false;
  const rows = (people?.edges ?? []).flatMap((edge) => (edge?.node ? [edge.node] : []));
  const pageNumber = stack.length;
  const firstIndex = (pageNumber - 1) * PAGE_SIZE + 1;

  const canManageDelegations =
    !!viewer &&
    !!section &&
    hasPermissionOn(viewer.grants, 'MANAGE_DELEGATIONS', { id: section.id, federationCode: section.federation.code });
  const canManagePeople =
    !!section && canManagePeopleOn(viewer, { id: section.id, federationCode: section.federation.code });

  function next() {
    const cursor = people?.pageInfo.endCursor;
    if (!cursor) return;
    setPager({ key: pagerKey, stack: [...stack, cursor] });
  }

  function previous() {
    if (stack.length <= 1) return;
    setPager({ key: pagerKey, stack: stack.slice(0, -1) });
  }

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
          <h1 id="section-title" data-testid="section-name">
            {section?.name ?? t('section.untitled')}
          </h1>
          {section && (
            <p className="muted">
              {t('section.federation', { name: section.federation.name, code: section.federation.code })}
            </p>
          )}
        </div>
        <div className="actions">
          {canManagePeople && !adding && (
            <button type="button" onClick={() => setAdding(true)} data-testid="add-person-open">
              {t('personForm.addOpen')}
            </button>
          )}
          {canManageDelegations && section && (
            <Link className="button-link" to={`/sections/${encodeURIComponent(section.id)}/delegations`} data-testid="delegations-link">
              {t('section.delegationsLink')}
            </Link>
          )}
        </div>
      </div>

      {canManagePeople && adding && section && <AddPersonForm section={section} onCancel={() => setAdding(false)} />}

      {forbidden ? (
        <p className="notice" role="alert" data-testid="people-forbidden">
          {t('section.peopleForbidden')}
        </p>
      ) : (
        <>
          <div className="filters" role="search">
            <label>
              {t('people.search')}
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={t('people.searchPlaceholder')}
                data-testid="people-search"
              />
            </label>
            <label>
              {t('people.kindFilter')}
              <select value={kind} onChange={(e) => setKind(e.target.value as KindFilter)} data-testid="people-kind-filter">
                <option value="">{t('people.allKinds')}</option>
                <option value="MEMBER">{t('kind.MEMBER')}</option>
                <option value="SUPPORTER">{t('kind.SUPPORTER')}</option>
              </select>
            </label>
            {loading && (
              <span className="muted" role="status">
                {t('common.loading')}
              </span>
            )}
          </div>

          {error && !people && <ErrorMessage error={error} />}

          {people && (
            <>
              <p className="count" data-testid="people-total" data-total={people.totalCount ?? ''}>
                {t('people.total', { count: people.totalCount ?? rows.length })}
                {rows.length > 0 &&
                  ' · ' +
                    t('people.range', { from: firstIndex, to: firstIndex + rows.length - 1, page: pageNumber })}
              </p>
              {rows.length === 0 ? (
                <p data-testid="people-empty">{t('people.empty')}</p>
              ) : (
                <table className="data-table" data-testid="people-table">
                  <caption className="visually-hidden">{t('people.caption', { section: section?.name ?? '' })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('people.columns.name')}</th>
                      <th scope="col">{t('people.columns.kind')}</th>
                      <th scope="col">{t('people.columns.email')}</th>
                      <th scope="col">{t('people.columns.phone')}</th>
                      <th scope="col">{t('people.columns.tags')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((person) => (
                      <tr
                        key={person.id}
                        className="clickable"
                        data-testid="person-row"
                        data-person-id={person.id}
                        onClick={(e) => {
                          if ((e.target as HTMLElement).closest('a')) return;
                          navigate(`/people/${encodeURIComponent(person.id)}`);
                        }}
                      >
                        <td>
                          <Link to={`/people/${encodeURIComponent(person.id)}`} data-testid="person-link">
                            {person.displayName}
                          </Link>
                        </td>
                        <td>{t(`kind.${person.kind}`)}</td>
                        <td>{person.email}</td>
                        <td>{person.phone ?? ''}</td>
                        <td>
                          <ul className="tags">
                            {person.tags.map((tag) => (
                              <li key={tag} className="tag">
                                {tag}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <div className="pager">
                <button type="button" onClick={previous} disabled={stack.length <= 1 || loading} data-testid="people-prev">
                  {t('people.previous')}
                </button>
                <span className="muted">{t('people.page', { page: pageNumber })}</span>
                <button
                  type="button"
                  onClick={next}
                  disabled={!people.pageInfo.hasNextPage || !people.pageInfo.endCursor || loading}
                  data-testid="people-next"
                >
                  {t('people.next')}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
