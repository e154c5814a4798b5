import { useTranslation } from 'react-i18next';
import type { ResultsOrderField } from '../../gql/graphql';
import { useDebouncedText } from '../../ui/useDebouncedText';
import type { Bloc, Election } from '../elections/useElections';
import { ElectionSelect } from '../elections/ElectionSelect';
import { effectiveSort, isBlocSort, isChangeSort, SORTS, type ParamName, type ResultsParams } from './resultsParams';

interface Props {
  params: ResultsParams;
  elections: readonly Election[];
  election: Election;
  blocs: readonly Bloc[];
  onChange: (patch: Partial<Record<ParamName, string | null>>, replace?: boolean) => void;
  loading: boolean;
}

function turnoutText(value: number | null): string {
  return value == null ? '' : String(value);
}

/** Election, comparison, order and turnout range of the review; each lives in the URL. */
export function ResultsFilters({ params, elections, election, blocs, onChange, loading }: Props) {
  const { t } = useTranslation();
  const sort = effectiveSort(params, blocs);
  const [min, setMin] = useDebouncedText(turnoutText(params.minTurnout), (value) => onChange({ min: value || null }, true));
  const [max, setMax] = useDebouncedText(turnoutText(params.maxTurnout), (value) => onChange({ max: value || null }, true));
  const other = election.otherRound;
  const sorts = SORTS.filter((s) => (params.compare || !isChangeSort(s)) && (blocs.length > 0 || !isBlocSort(s)));

  return (
    <div className="filters results-filters" role="search" aria-label={t('results.filters')}>
      <div className="grow">
        <ElectionSelect
          elections={elections}
          value={election.id}
          onChange={(id) => onChange({ election: id, compare: null })}
          testId="results-election"
        />
      </div>
      {other && (
        <label className="inline results-compare">
          <input
            type="checkbox"
            checked={params.compare}
            onChange={(e) => onChange({ compare: e.target.checked ? '1' : null })}
            data-testid="results-compare"
          />
          {t('results.compare', { other: other.name })}
        </label>
      )}
      <label>
        {t('results.sort')}
        <select
          value={sort.field}
          onChange={(e) => onChange({ sort: e.target.value === 'NAME' ? null : e.target.value })}
          data-testid="results-sort"
        >
          {sorts.map((s: ResultsOrderField) => (
            <option key={s} value={s}>
              {t(`results.sorts.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {isBlocSort(sort.field) && (
        <label>
          {t('results.bloc')}
          <select value={sort.bloc ?? ''} onChange={(e) => onChange({ bloc: e.target.value })} data-testid="results-bloc">
            {blocs.map((b) => (
              <option key={b.key} value={b.key}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="inline results-descending">
        <input
          type="checkbox"
          checked={params.descending}
          onChange={(e) => onChange({ desc: e.target.checked ? '1' : null })}
          data-testid="results-descending"
        />
        {t('results.descending')}
      </label>
      <label>
        {t('results.minTurnout')}
        <input
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          value={min}
          onChange={(e) => setMin(e.target.value)}
          data-testid="results-min-turnout"
        />
      </label>
      <label>
        {t('results.maxTurnout')}
        <input
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          value={max}
          onChange={(e) => setMax(e.target.value)}
          data-testid="results-max-turnout"
        />
      </label>
      {loading && (
        <span className="muted" role="status">
          {t('common.loading')}
        </span>
      )}
    </div>
  );
}
