import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue, useQuery } from '../../api/hooks';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { TEXT_DEBOUNCE_MS } from '../../ui/useDebouncedText';

export const SECTION_RESULTS = 20;

export const SectionSearchQuery = graphql(`
  query SectionSearch($search: String, $federationCode: String, $first: Int!) {
    sections(search: $search, federationCode: $federationCode, first: $first) {
      pageInfo {
        hasNextPage
      }
      items {
        id
        name
        federation {
          code
          name
        }
      }
    }
  }
`);

interface Props {
  /** National officers search every section; federation officers their federations'. */
  national: boolean;
  federationCodes: string[];
}

/** Finds a section by its name, or its federation's code or name, and opens it. */
export function SectionSearch({ national, federationCodes }: Props) {
  const { t } = useTranslation();
  const inputId = useId();
  const [search, setSearch] = useState('');
  const [federation, setFederation] = useState(federationCodes[0] ?? '');
  const debounced = useDebouncedValue(search.trim(), TEXT_DEBOUNCE_MS);
  const federationCode = national ? null : federation || null;
  const { data, error, loading } = useQuery(SectionSearchQuery, { search: debounced || null, federationCode, first: SECTION_RESULTS });
  const sections = (data?.sections.items ?? []).flatMap((s) => (s ? [s] : []));

  return (
    <section className="card section-search" aria-labelledby={`${inputId}-title`} data-testid="section-search-panel">
      <h2 id={`${inputId}-title`}>{t('sectionSearch.title')}</h2>
      <div className="filters" role="search">
        <div className="field grow">
          <label htmlFor={inputId}>{t('sectionSearch.label')}</label>
          <input
            id={inputId}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t('sectionSearch.placeholder')}
            aria-describedby={`${inputId}-hint`}
            data-testid="section-search"
          />
          <span className="hint" id={`${inputId}-hint`}>
            {national ? t('sectionSearch.hintNational') : t('sectionSearch.hintFederation')}
          </span>
        </div>
        {!national && federationCodes.length > 1 && (
          <label>
            {t('sectionSearch.federation')}
            <select value={federation} onChange={(e) => setFederation(e.target.value)} data-testid="section-search-federation">
              {federationCodes.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
      <div role="status" className="muted">
        {loading ? t('common.loading') : data && sections.length === 0 ? t('sectionSearch.none') : null}
      </div>
      {sections.length > 0 && (
        <ul className="section-results" aria-label={t('sectionSearch.results')} data-testid="section-search-results">
          {sections.map((s) => (
            <li key={s.id}>
              <Link to={`/sections/${encodeURIComponent(s.id)}`} data-testid="section-search-result" data-section-id={s.id}>
                {s.name}
              </Link>{' '}
              <span className="muted">
                {s.federation.code} · {s.federation.name}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data?.sections.pageInfo.hasNextPage && (
        <p className="hint" data-testid="section-search-more">
          {t('sectionSearch.more', { count: SECTION_RESULTS })}
        </p>
      )}
    </section>
  );
}
