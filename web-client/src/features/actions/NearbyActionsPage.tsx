import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NearbyActionsQuery as NearbyResult } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ActionCard } from './ActionCard';
import { nearbyVariables, nearInput, useNearParams, type NearParams } from './nearParams';
import { NearbySearch } from './NearbySearch';
import { NearbyActionsQuery } from './queries';
import { useGeolocation } from './useGeolocation';
import { usePagedQuery } from './usePagedQuery';

// MapLibre loads with the map only.
const ActionsMap = lazy(() => import('./ActionsMap'));

type Hit = NonNullable<NonNullable<NearbyResult['nearbyActions']['actions']['items']>[number]>;

/** "Actions near me", open to anyone: the upcoming actions around a postcode, a commune or the device's position. */
export function NearbyActionsPage() {
  const { t } = useTranslation();
  const { params, searchPlace, searchPoint, setFilters } = useNearParams();
  const geo = useGeolocation(searchPoint);
  useDocumentTitle(t('actions.near.title'));

  return (
    <div className="page nearby-page" data-testid="nearby-page">
      <div className="page-heading">
        <div>
          <PageHeading>{t('actions.near.title')}</PageHeading>
          <p className="muted">{t('actions.near.intro')}</p>
        </div>
      </div>
      <NearbySearch params={params} onPlace={searchPlace} onLocate={geo.locate} locateState={geo.state} onFilters={setFilters} />
      {nearInput(params) ? (
        <NearbyResults params={params} onLocate={geo.locate} />
      ) : (
        <p className="notice" data-testid="nearby-start">
          {t('actions.near.start')}
        </p>
      )}
    </div>
  );
}

function NearbyResults({ params, onLocate }: { params: NearParams; onLocate: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const variables = nearbyVariables(params, null)!;
  const near = useMemo(() => nearInput(params), [params]);
  const { data, error, loading, items, hasNext, loadMore, loadingMore, moreError } = usePagedQuery(
    NearbyActionsQuery,
    variables,
    (d) => d.nearbyActions.actions,
  );
  const hits = items as Hit[];
  const place = data?.nearbyActions.place ?? null;
  // The markers change with the actions listed, not with every render (the map refits to them).
  const pointsKey = hits.map((h) => h.action.id).join(' ');
  const points = useMemo(
    () => hits.map((h) => ({ id: h.action.id, latitude: h.action.approximatePoint.latitude, longitude: h.action.approximatePoint.longitude })),
    [pointsKey],
  );
  const open = useCallback(
    (id: string) => void navigate(`/actions/${encodeURIComponent(id)}`, { state: near ? { near } : undefined }),
    [navigate, near],
  );

  if (error && !data) {
    const code = error.primaryCode;
    return (
      <div className="nearby-error">
        <ErrorMessage error={error} testId="nearby-error" />
        {code === 'PLACE_WITHOUT_MAP' && (
          <button type="button" onClick={onLocate} data-testid="nearby-error-locate">
            {t('actions.near.useLocation')}
          </button>
        )}
      </div>
    );
  }
  if (!data) return <p role="status">{t('common.loading')}</p>;

  const label = place?.label
    ? t('actions.near.around', { place: place.label, km: params.radiusKm })
    : t('actions.near.aroundYou', { km: params.radiusKm });
  return (
    <section className="nearby-results" aria-labelledby="nearby-place" aria-busy={loading}>
      <h2 id="nearby-place" data-testid="nearby-place" data-commune={place?.communeCode ?? ''}>
        {label}
      </h2>
      <div className="nearby-layout">
        <div className="nearby-list">
          {hits.length === 0 ? (
            <p className="notice" data-testid="nearby-empty">
              {t('actions.near.none')}
            </p>
          ) : (
            <ul className="cards" data-testid="nearby-list" aria-label={t('actions.near.list')}>
              {hits.map((h) => (
                <ActionCard key={h.action.id} action={h.action} distanceMeters={h.distanceMeters} near={near} showSection />
              ))}
            </ul>
          )}
          {moreError && <ErrorMessage error={moreError} />}
          {hasNext && (
            <button type="button" className="secondary more" onClick={() => void loadMore()} disabled={loadingMore} data-testid="nearby-more">
              {loadingMore ? t('common.loading') : t('actions.more')}
            </button>
          )}
        </div>
        <div className="nearby-map">
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <ActionsMap
              place={place?.point ?? params.point}
              radiusKm={params.radiusKm}
              actions={points}
              onOpen={open}
              label={t('actions.near.mapLabel')}
            />
          </Suspense>
        </div>
      </div>
    </section>
  );
}
