import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResultsLevel, ZoneResultsFieldsFragment } from '../../gql/graphql';
import { formatNumber, formatPercent, formatPoints } from '../../i18n/format';
import { useIsPhone } from '../../ui/useMediaQuery';
import { capitalize, type Bloc } from '../elections/useElections';
import { mapPathOf } from '../map/mapParams';

export type ZoneRow = ZoneResultsFieldsFragment;

interface Props {
  rows: readonly ZoneRow[];
  blocs: readonly Bloc[];
  compare: boolean;
  electionId: string;
  caption: string;
  onDrill: (level: ResultsLevel, code: string) => void;
}

export function blocShare(row: ZoneRow, key: string): number | null {
  return row.blocs.find((b) => b.key === key)?.share ?? null;
}

/** A bloc's share minus its share in the election compared with, in points. */
export function blocChange(row: ZoneRow, key: string): number | null {
  const now = blocShare(row, key);
  const before = row.compareBlocs?.find((b) => b.key === key)?.share;
  return now == null || before == null ? null : Math.round((now - before) * 100) / 100;
}

/** The blocs to show as columns: the election's, in their order (others a row may carry at the end). */
function columns(rows: readonly ZoneRow[], blocs: readonly Bloc[]): Bloc[] {
  const shown = [...blocs];
  for (const b of rows.flatMap((r) => r.blocs)) if (!shown.some((s) => s.key === b.key)) shown.push({ key: b.key, name: capitalize(b.name) });
  return shown;
}

function ZoneName({ row, onDrill }: { row: ZoneRow; onDrill: Props['onDrill'] }) {
  const { t } = useTranslation();
  if (row.level === 'STATION') return <span className="zone-name">{row.name}</span>;
  return (
    <button
      type="button"
      className="link zone-name"
      onClick={() => onDrill(row.level, row.code)}
      aria-label={t('results.drill', { name: row.name })}
      data-testid="results-drill"
    >
      {row.name}
    </button>
  );
}

function MapLink({ row, electionId }: { row: ZoneRow; electionId: string }) {
  const { t } = useTranslation();
  if (row.level !== 'STATION') return null;
  return (
    <Link to={mapPathOf({ station: row.code, election: electionId })} data-testid="results-map-link" aria-label={t('results.onMapOf', { name: row.name })}>
      {t('results.onMap')}
    </Link>
  );
}

/** A bloc with no candidate there: a dash, said in words to a screen reader. */
function NoCandidate() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('results.noCandidate')}</span>
    </>
  );
}

function Change({ value }: { value: number | null }) {
  if (value == null) return null;
  return <span className={`change ${value > 0 ? 'up' : value < 0 ? 'down' : ''}`}>{formatPoints(value)}</span>;
}

/** At a desk: a table, one column per bloc; a click on a row (above the stations) goes down into it. */
function ResultsTable({ rows, blocs, compare, electionId, caption, onDrill }: Props) {
  const { t } = useTranslation();
  const shown = columns(rows, blocs);
  return (
    <div className="table-scroll">
      <table className="data-table results-table" data-testid="results-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.columns.zone')}</th>
            <th scope="col" className="number">{t('results.columns.stations')}</th>
            <th scope="col" className="number">{t('results.columns.registered')}</th>
            <th scope="col" className="number">{t('results.columns.turnout')}</th>
            {shown.map((b) => (
              <th scope="col" className="number" key={b.key}>
                {b.name}
              </th>
            ))}
            {rows.some((r) => r.level === 'STATION') && <th scope="col">{t('results.columns.map')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.code}
              className={row.level !== 'STATION' ? 'clickable' : undefined}
              data-testid="results-row"
              data-code={row.code}
              data-level={row.level}
              onClick={(e) => {
                if (row.level === 'STATION' || (e.target as HTMLElement).closest('a, button')) return;
                onDrill(row.level, row.code);
              }}
            >
              <th scope="row">
                <ZoneName row={row} onDrill={onDrill} />
              </th>
              <td className="number">{formatNumber(row.stations)}</td>
              <td className="number">{formatNumber(row.registered)}</td>
              <td className="number" data-testid="results-turnout">
                {formatPercent(row.turnout)}
                {compare && <Change value={row.turnoutChange ?? null} />}
              </td>
              {shown.map((b) => (
                <td className="number" key={b.key}>
                  {formatPercent(blocShare(row, b.key)) || <NoCandidate />}
                  {compare && <Change value={blocChange(row, b.key)} />}
                </td>
              ))}
              {row.level === 'STATION' && (
                <td>
                  <MapLink row={row} electionId={electionId} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** On a phone: one card per zone, its turnout and each bloc's share. */
function ResultsCards({ rows, blocs, compare, electionId, caption, onDrill }: Props) {
  const { t } = useTranslation();
  const shown = columns(rows, blocs);
  return (
    <ul className="cards" aria-label={caption} data-testid="results-cards">
      {rows.map((row) => (
        <li key={row.code} className="card-item results-card" data-testid="results-row" data-code={row.code} data-level={row.level}>
          <div className="card-title">
            <ZoneName row={row} onDrill={onDrill} />
            <MapLink row={row} electionId={electionId} />
          </div>
          <p className="muted">
            {row.level !== 'STATION' && `${t('results.stationsCount', { count: row.stations, formatted: formatNumber(row.stations) })} · `}
            {t('results.registeredCount', { formatted: formatNumber(row.registered) })}
          </p>
          <p data-testid="results-turnout">
            {t('results.columns.turnout')} <strong>{formatPercent(row.turnout)}</strong>
            {compare && <Change value={row.turnoutChange ?? null} />}
          </p>
          <dl className="card-blocs">
            {shown.map((b) => (
              <div key={b.key}>
                <dt>{b.name}</dt>
                <dd>
                  {formatPercent(blocShare(row, b.key)) || <NoCandidate />}
                  {compare && <Change value={blocChange(row, b.key)} />}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function ResultsList(props: Props) {
  return useIsPhone() ? <ResultsCards {...props} /> : <ResultsTable {...props} />;
}
