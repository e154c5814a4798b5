import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayloadError } from '../../api/mutationErrors';
import { FieldErrors } from '../../ui/FieldErrors';
import type { LatLon } from './layers';
import { MIN_TURF_POINTS } from './turfArea';

// MapLibre loads with the picker only, and the picker only once asked for (or when there is a turf to show).
const TurfAreaPicker = lazy(() => import('./TurfAreaPicker'));

interface Props {
  /** The id prefix of the form: errors are `${form}-errors-${field}`. */
  form: string;
  points: readonly LatLon[];
  meetingPoint: LatLon | null;
  seat: LatLon | null;
  /** The turf the action has cannot be redrawn whole (several polygons, holes). */
  partial: boolean;
  errors: readonly PayloadError[] | undefined;
  onAdd: (point: LatLon) => void;
  onUndo: () => void;
  onClear: () => void;
  /** What is drawn, when it is not an action's turf (a segment's area). */
  texts?: Partial<Record<'label' | 'hint' | 'draw' | 'map' | 'none' | 'partial', string>>;
  /** The field's name in the form's ids: errors are `${form}-errors-${field}`, the status `${testPrefix}-field-${field}`. */
  field?: string;
  /** Test ids `${testPrefix}-turf-open`, `-undo`, `-clear`, `-partial`. */
  testPrefix?: string;
}

/** The turf drawn on a map, tap by tap, with undo and clear; optional, next to the polling stations. */
export function TurfAreaField({ form, points, meetingPoint, seat, partial, errors, onAdd, onUndo, onClear, texts = {}, field = 'turfArea', testPrefix = 'action' }: Props) {
  const { t } = useTranslation();
  const errorsId = `${form}-errors-${field}`;
  const [open, setOpen] = useState(points.length > 0);
  const invalid = !!errors?.length;
  const count = points.length;
  const status = !count
    ? (texts.none ?? t('actions.form.turfAreaNone'))
    : count < MIN_TURF_POINTS
      ? `${t('actions.form.turfAreaCount', { count })} ${t('actions.form.turfAreaMore')}`
      : t('actions.form.turfAreaCount', { count });

  return (
    <div className="field turf-field">
      <span className="label" id={`${form}-${field}-label`}>
        {texts.label ?? t('actions.form.turfArea')}
      </span>
      {open ? (
        <>
          <span className="hint">{texts.hint ?? t('actions.form.turfAreaHint')}</span>
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <TurfAreaPicker points={points} meetingPoint={meetingPoint} seat={seat} onAdd={onAdd} label={texts.map ?? t('actions.form.turfAreaMap')} />
          </Suspense>
        </>
      ) : (
        <button type="button" className="secondary big" onClick={() => setOpen(true)} data-testid={`${testPrefix}-turf-open`}>
          {texts.draw ?? t('actions.form.turfAreaDraw')}
        </button>
      )}
      {partial && <p className="hint" data-testid={`${testPrefix}-turf-partial`}>{texts.partial ?? t('actions.form.turfAreaPartial')}</p>}
      {(open || count > 0) && (
        <div className="point-row turf-row">
          <span
            data-testid={`${testPrefix}-field-${field}`}
            role="status"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? errorsId : undefined}
            tabIndex={-1}
          >
            {status}
          </span>
          <div className="turf-buttons">
            <button type="button" className="secondary big" onClick={onUndo} disabled={!count} data-testid={`${testPrefix}-turf-undo`}>
              {t('actions.form.turfAreaUndo')}
            </button>
            <button type="button" className="secondary big" onClick={onClear} disabled={!count} data-testid={`${testPrefix}-turf-clear`}>
              {t('actions.form.turfAreaClear')}
            </button>
          </div>
        </div>
      )}
      <FieldErrors id={errorsId} errors={errors} />
    </div>
  );
}
