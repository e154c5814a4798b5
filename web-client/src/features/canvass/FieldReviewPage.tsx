import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { FieldReviewQuery as FieldReviewResult, ReviewLevel } from '../../gql/graphql';
import { formatDay, formatNumber } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useIsPhone } from '../../ui/useMediaQuery';
import { useUrlPatch } from '../../ui/useUrlPatch';
import { mapPathOf } from '../map/mapParams';
import { canViewResults } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { FieldReviewQuery } from './queries';
import { readReviewParams, REVIEW_LEVELS, reviewVariables } from './reviewParams';

export type FieldRow = FieldReviewResult['fieldReview'][number];

type PeopleCount = 'volunteers' | 'checkedIn' | 'doorsKnocked' | 'contacts' | 'newSupporters';
const COUNTS: readonly PeopleCount[] = ['volunteers', 'checkedIn', 'doorsKnocked', 'contacts', 'newSupporters'];

/** Field work by station, section, federation or nation: actions held against their targets, people and doors. */
export function FieldReviewPage() {
  const { t } = useTranslation();
  const [url, update] = useUrlPatch<'level' | 'federation' | 'from' | 'to' | 'week'>();
  const params = useMemo(() => readReviewParams(url), [url]);
  const { data, error, loading } = useQuery(FieldReviewQuery, reviewVariables(params));
  const rows = data?.fieldReview ?? [];
  useDocumentTitle(t('canvass.review.title'));

  return (
    <div className="page review-page" data-testid="review-page">
      <PageHeading>{t('canvass.review.title')}</PageHeading>
      <form className="card form review-filters" onSubmit={(e) => e.preventDefault()} data-testid="review-filters">
        <div className="form-grid">
          <label className="field">
            {t('canvass.review.level')}
            <select value={params.level} onChange={(e) => update({ level: e.target.value }, true)} data-testid="review-level">
              {REVIEW_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`canvass.review.levels.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('canvass.review.federation')}
            <input
              value={params.federation}
              maxLength={3}
              autoComplete="off"
              onChange={(e) => update({ federation: e.target.value.trim() }, true)}
              data-testid="review-federation"
            />
            <span className="hint">{t('canvass.review.federationHint')}</span>
          </label>
          <label className="field">
            {t('canvass.review.from')}
            <input type="date" value={params.from} max={params.to || undefined} onChange={(e) => update({ from: e.target.value }, true)} data-testid="review-from" />
          </label>
          <label className="field">
            {t('canvass.review.to')}
            <input type="date" value={params.to} min={params.from || undefined} onChange={(e) => update({ to: e.target.value }, true)} data-testid="review-to" />
          </label>
        </div>
        <label className="inline">
          <input type="checkbox" checked={params.byWeek} onChange={(e) => update({ week: e.target.checked ? '1' : null }, true)} data-testid="review-by-week" />
          {t('canvass.review.byWeek')}
        </label>
      </form>

      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {error && <ErrorMessage error={error} />}
      {data && rows.length === 0 && <p className="notice" data-testid="review-empty">{t('canvass.review.empty')}</p>}
      {rows.length > 0 && <ReviewTable rows={rows} level={params.level} byWeek={params.byWeek} />}
      {rows.some((r) => r.withheld) && (
        <p className="hint" id="withheld-note" data-testid="review-withheld-note">
          {t('canvass.review.withheldNote')}
        </p>
      )}
    </div>
  );
}

/** A count of people: "< 5" when the API withholds it (1 to 4 people could be told apart). */
export function Count({ value, withheld }: { value: number | null | undefined; withheld: boolean }) {
  const { t } = useTranslation();
  if (value != null) return <>{formatNumber(value)}</>;
  if (withheld)
    return (
      <abbr title={t('canvass.review.withheldTitle')} aria-describedby="withheld-note" data-testid="review-withheld">
        {'< 5'}
      </abbr>
    );
  return <>—</>;
}

interface TableProps {
  rows: readonly FieldRow[];
  level: ReviewLevel;
  byWeek: boolean;
}

export function ReviewTable({ rows, level, byWeek }: TableProps) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { viewer } = useViewer();
  // The map is offered to holders of VIEW_RESULTS; it opens at a station given in its URL.
  const mapLinks = level === 'STATION' && !!viewer && canViewResults(viewer);

  const name = (r: FieldRow) =>
    mapLinks ? (
      <Link to={mapPathOf({ station: r.key })} data-testid="review-map-link" aria-label={t('canvass.review.onMapOf', { name: r.label })}>
        {r.label}
      </Link>
    ) : (
      r.label
    );
  const held = (r: FieldRow) => t('canvass.review.heldOfTarget', { held: r.actionsHeld, target: r.attendanceTarget });
  const week = (r: FieldRow) => (r.week ? t('canvass.review.weekOf', { day: formatDay(r.week) }) : '');

  if (phone)
    return (
      <ul className="cards review-cards" data-testid="review-cards">
        {rows.map((r) => (
          <li key={`${r.key}-${r.week ?? ''}`} className="card-item" data-testid="review-row" data-key={r.key} data-withheld={r.withheld}>
            <p className="review-name">
              <strong>{name(r)}</strong> {byWeek && <span className="muted">{week(r)}</span>}
            </p>
            <dl className="review-figures">
              <div>
                <dt>{t('canvass.review.columns.actions')}</dt>
                <dd>{held(r)}</dd>
              </div>
              {COUNTS.map((c) => (
                <div key={c}>
                  <dt>{t(`canvass.review.columns.${c}`)}</dt>
                  <dd data-testid={`review-${c}`}>
                    <Count value={r[c]} withheld={r.withheld} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    );

  return (
    <table className="data-table review-table" data-testid="review-table">
      <thead>
        <tr>
          <th scope="col">{t(`canvass.review.levels.${level}`)}</th>
          {byWeek && <th scope="col">{t('canvass.review.columns.week')}</th>}
          <th scope="col">{t('canvass.review.columns.actions')}</th>
          {COUNTS.map((c) => (
            <th key={c} scope="col">
              {t(`canvass.review.columns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.key}-${r.week ?? ''}`} data-testid="review-row" data-key={r.key} data-withheld={r.withheld}>
            <th scope="row">{name(r)}</th>
            {byWeek && <td>{week(r)}</td>}
            <td>{held(r)}</td>
            {COUNTS.map((c) => (
              <td key={c} data-testid={`review-${c}`}>
                <Count value={r[c]} withheld={r.withheld} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
