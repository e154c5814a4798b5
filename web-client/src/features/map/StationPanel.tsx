import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { StationResultFieldsFragment } from '../../gql/graphql';
import { formatDay, formatNumber, formatPercent } from '../../i18n/format';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { capitalize, type Election } from '../elections/useElections';
import { PollingStationQuery } from './queries';

type Result = StationResultFieldsFragment;

interface Props {
  code: string;
  election: Election;
  /** The selected layer's value there, as the map draws it. */
  layerValue: string | null;
  layerName: string;
  /** Chosen on the map (not opened from a link): its name takes focus. */
  focusHeading: boolean;
  onClose: () => void;
}

/** The two rounds to show side by side: the chosen election and its other round, round 1 first. */
export function roundsOf(results: readonly Result[], election: Election): Result[] {
  const ids = [election.id, election.otherRound?.id].filter(Boolean);
  return results.filter((r) => ids.includes(r.election.id)).sort((a, b) => a.election.round - b.election.round);
}

/** A polling station's results (a side panel at a desk, a bottom sheet on a phone). */
export function StationPanel({ code, election, layerValue, layerName, focusHeading, onClose }: Props) {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(PollingStationQuery, { code });
  const station = data?.pollingStation ?? null;
  const rounds = station ? roundsOf(station.results, election) : [];
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A station chosen on the map: its name takes focus, so the keyboard and screen readers go on from the panel.
  useEffect(() => {
    if (station && focusHeading) headingRef.current?.focus({ preventScroll: true });
  }, [station?.code, focusHeading]);

  return (
    <aside className="map-panel station-panel" aria-labelledby="station-panel-title" data-testid="station-panel" data-station={code}>
      <div className="map-panel-head">
        <div>
          <h2 id="station-panel-title" ref={headingRef} tabIndex={-1} data-testid="station-name">
            {station ? station.name ?? t('map.station.bureau', { bureau: station.bureau }) : t('map.station.title')}
          </h2>
          {station && (
            <p className="muted">
              {t('map.station.where', { bureau: station.bureau, commune: station.communeName, code: station.code })}
              {station.address && <span className="station-address"> · {station.address}</span>}
            </p>
          )}
          {layerValue && (
            <p className="station-layer-value" data-testid="station-layer-value">
              {t('map.valueOf', { layer: layerName })} <strong>{layerValue}</strong>
            </p>
          )}
        </div>
        <button type="button" className="secondary close" onClick={onClose} aria-label={t('map.close')} data-testid="station-close">
          ×
        </button>
      </div>

      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {error && <ErrorMessage error={error} />}
      {data && !station && (
        <p className="notice" data-testid="station-not-found">
          {t('map.station.notFound')}
        </p>
      )}
      {station && rounds.length === 0 && <p data-testid="station-no-results">{t('map.station.noResults')}</p>}
      {rounds.length > 0 && (
        <div className="rounds" data-count={rounds.length}>
          {rounds.map((r) => (
            <RoundResults key={r.election.id} result={r} />
          ))}
        </div>
      )}
      {station && (
        <p className="station-links">
          <Link to={`/results?election=${encodeURIComponent(election.id)}&level=STATION&commune=${station.communeCode}`} data-testid="station-results-link">
            {t('map.station.inResults')}
          </Link>
        </p>
      )}
    </aside>
  );
}

function RoundResults({ result }: { result: Result }) {
  const { t } = useTranslation();
  const candidates = [...result.candidates].sort((a, b) => b.votes - a.votes);
  return (
    <section className="round" data-testid="station-round" data-round={result.election.round} data-election-id={result.election.id}>
      <h3>
        {t('map.station.round', { context: String(result.election.round), round: result.election.round })}
        <span className="muted"> · {formatDay(result.election.date)}</span>
      </h3>
      <p className="muted round-name">{result.election.name}</p>
      <dl className="round-counts">
        <div>
          <dt>{t('results.columns.turnout')}</dt>
          <dd data-testid="station-turnout">{formatPercent(result.turnout)}</dd>
        </div>
        <div>
          <dt>{t('results.columns.registered')}</dt>
          <dd>{formatNumber(result.registered)}</dd>
        </div>
        <div>
          <dt>{t('map.station.voters')}</dt>
          <dd>{formatNumber(result.voters)}</dd>
        </div>
        <div>
          <dt>{t('map.station.blankNull')}</dt>
          <dd>
            {formatNumber(result.blank)} / {formatNumber(result.null)}
          </dd>
        </div>
      </dl>
      <h4>{t('map.station.candidates')}</h4>
      <ol className="bars">
        {candidates.map((c) => (
          <li key={c.candidateId} data-testid="station-candidate" data-candidate-id={c.candidateId}>
            <div className="bar-label">
              <span className="bar-name">{[c.firstName, c.name].filter(Boolean).join(' ')}</span>
              {c.nuance && <span className="badge" title={c.blocName ?? undefined}>{c.nuance}</span>}
              {c.elected && <span className="badge elected">{t('map.station.elected')}</span>}
            </div>
            <Bar share={c.share} />
            <span className="bar-figures">
              {formatPercent(c.share)} · {t('map.station.votes', { count: c.votes, formatted: formatNumber(c.votes) })}
            </span>
          </li>
        ))}
      </ol>
      {result.blocs.length > 0 && (
        <>
          <h4>{t('map.station.blocs')}</h4>
          <ol className="bars">
            {result.blocs.map((b) => (
              <li key={b.key} data-testid="station-bloc" data-bloc={b.key}>
                <div className="bar-label">
                  <span className="bar-name">{capitalize(b.name)}</span>
                </div>
                <Bar share={b.share ?? null} />
                <span className="bar-figures">{formatPercent(b.share)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function Bar({ share }: { share: number | null | undefined }) {
  const width = Math.max(0, Math.min(100, share ?? 0));
  return (
    <span className="bar" aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </span>
  );
}
