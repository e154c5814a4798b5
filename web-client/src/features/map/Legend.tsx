import { useTranslation } from 'react-i18next';
import { NO_DATA_COLOR } from './layers';
import { classLabel, type LegendClass } from './legend';

interface Props {
  title: string;
  unit: string;
  classes: readonly LegendClass[];
  zones: number | null;
}

/** The classes' colours and bounds, the unit, and the colour of zones without a value. */
export function Legend({ title, unit, classes, zones }: Props) {
  const { t } = useTranslation();
  return (
    <figure className="map-legend" data-testid="map-legend" data-classes={classes.length}>
      <figcaption>
        <strong>{title}</strong>
        {unit && <span className="muted"> ({unit === 'pts' ? t('map.points') : unit})</span>}
      </figcaption>
      <ul>
        {classes.map((c) => (
          <li key={`${c.from}-${c.to}`} data-testid="map-legend-class" data-color={c.color}>
            <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
            {classLabel(c, unit)}
          </li>
        ))}
        <li data-testid="map-legend-no-data">
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          {t('map.noData')}
        </li>
      </ul>
      {zones === 0 && <p className="muted">{t('map.noZones')}</p>}
    </figure>
  );
}
