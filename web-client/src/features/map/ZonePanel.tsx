import { useTranslation } from 'react-i18next';
import type { ZoneFeature } from './ZonesSource';

interface Props {
  id: string;
  zone: ZoneFeature | null;
  layerName: string;
  value: string | null;
  onClose: () => void;
}

/** A commune (or an IRIS) of the map: its name and the layer's value there. */
export function ZonePanel({ id, zone, layerName, value, onClose }: Props) {
  const { t } = useTranslation();
  const level = zone?.level === 'commune' || zone?.level === 'iris' ? zone.level : null;
  return (
    <aside className="map-panel zone-panel" aria-labelledby="zone-panel-title" data-testid="zone-panel" data-zone={id}>
      <div className="map-panel-head">
        <div>
          <h2 id="zone-panel-title" data-testid="zone-name">
            {zone?.name ?? id}
          </h2>
          {level && <p className="muted">{t(`map.levels.${level}`, { code: id })}</p>}
        </div>
        <button type="button" className="secondary close" onClick={onClose} aria-label={t('map.close')} data-testid="zone-close">
          ×
        </button>
      </div>
      <p data-testid="zone-value">
        {t('map.valueOf', { layer: layerName })} <strong>{value || t('map.noData')}</strong>
      </p>
    </aside>
  );
}
