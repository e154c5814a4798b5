import { useTranslation } from 'react-i18next';
import type { PersonSort } from '../../gql/graphql';
import { useDebouncedText } from '../../ui/useDebouncedText';
import { PEOPLE_SORTS, type PeopleParams } from './peopleParams';

interface Props {
  params: PeopleParams;
  onChange: (name: 'q' | 'kind' | 'tag' | 'sort', value: string, replace?: boolean) => void;
  loading: boolean;
}

/** Search, kind, tag and sort of the people list; each lives in the URL. */
export function PeopleFilters({ params, onChange, loading }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useDebouncedText(params.search, (value) => onChange('q', value, true));
  const [tag, setTag] = useDebouncedText(params.tag, (value) => onChange('tag', value, true));

  return (
    <div className="filters" role="search" aria-label={t('people.filters')}>
      <label className="grow">
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
        <select value={params.kind} onChange={(e) => onChange('kind', e.target.value)} data-testid="people-kind-filter">
          <option value="">{t('people.allKinds')}</option>
          <option value="MEMBER">{t('kind.MEMBER')}</option>
          <option value="SUPPORTER">{t('kind.SUPPORTER')}</option>
        </select>
      </label>
      <label>
        {t('people.tagFilter')}
        <input
          type="search"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          placeholder={t('people.tagPlaceholder')}
          data-testid="people-tag-filter"
        />
      </label>
      <label>
        {t('people.sort')}
        <select value={params.sort} onChange={(e) => onChange('sort', e.target.value)} data-testid="people-sort">
          {PEOPLE_SORTS.map((sort: PersonSort) => (
            <option key={sort} value={sort}>
              {t(`people.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      {loading && (
        <span className="muted" role="status">
          {t('common.loading')}
        </span>
      )}
    </div>
  );
}
