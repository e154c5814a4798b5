import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionKind } from '../../gql/graphql';
import { ACTION_KINDS, RADII_KM, type NearParams } from './nearParams';
import type { LocateState } from './useGeolocation';

interface Props {
  params: NearParams;
  onPlace: (place: string) => void;
  onLocate: () => void;
  locateState: LocateState;
  onFilters: (patch: { radius?: number; kinds?: ActionKind[]; from?: string; to?: string }) => void;
}

/** Where to look (a postcode or commune, or the device's position), then how far, which kinds and which days. */
export function NearbySearch({ params, onPlace, onLocate, locateState, onFilters }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [place, setPlace] = useState(params.place);
  // Back or a shared link changes the place from outside.
  useEffect(() => setPlace(params.place), [params.place]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (place.trim()) onPlace(place);
  }

  function toggleKind(kind: ActionKind, on: boolean) {
    onFilters({ kinds: on ? [...params.kinds, kind] : params.kinds.filter((k) => k !== kind) });
  }

  return (
    <div className="nearby-search">
      <form className="nearby-where" role="search" onSubmit={submit} aria-label={t('actions.near.searchLabel')}>
        <div className="field grow">
          <label htmlFor={`${id}-place`}>{t('actions.near.place')}</label>
          <div className="input-row">
            <input
              id={`${id}-place`}
              type="search"
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              placeholder={t('actions.near.placePlaceholder')}
              autoComplete="postal-code"
              maxLength={100}
              data-testid="nearby-place-input"
            />
            <button type="submit" data-testid="nearby-search">
              {t('actions.near.search')}
            </button>
          </div>
        </div>
        <button type="button" className="secondary locate" onClick={onLocate} disabled={locateState === 'locating'} data-testid="nearby-locate">
          {locateState === 'locating' ? t('actions.near.locating') : t('actions.near.useLocation')}
        </button>
      </form>
      {(locateState === 'denied' || locateState === 'unavailable') && (
        <p className="notice" role="alert" data-testid="nearby-locate-failed">
          {t(`actions.near.locate.${locateState}`)}
        </p>
      )}

      <div className="filters nearby-filters">
        <label>
          {t('actions.near.radius')}
          <select value={params.radiusKm} onChange={(e) => onFilters({ radius: Number(e.target.value) })} data-testid="nearby-radius">
            {[...new Set([...RADII_KM, params.radiusKm])].sort((a, b) => a - b).map((km) => (
              <option key={km} value={km}>
                {t('actions.near.km', { km })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.near.from')}
          <input type="date" value={params.from} onChange={(e) => onFilters({ from: e.target.value })} data-testid="nearby-from" />
        </label>
        <label>
          {t('actions.near.to')}
          <input type="date" value={params.to} min={params.from || undefined} onChange={(e) => onFilters({ to: e.target.value })} data-testid="nearby-to" />
        </label>
      </div>
      <details className="nearby-kinds" open={params.kinds.length > 0 || undefined}>
        <summary>{params.kinds.length ? t('actions.near.kindsOn', { count: params.kinds.length }) : t('actions.near.kinds')}</summary>
        <div className="checkboxes kind-choices">
          {ACTION_KINDS.map((kind) => (
            <label key={kind} className="inline">
              <input
                type="checkbox"
                checked={params.kinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.target.checked)}
                data-testid={`nearby-kind-${kind}`}
              />
              {t(`actions.kind.${kind}`)}
            </label>
          ))}
        </div>
      </details>
    </div>
  );
}
