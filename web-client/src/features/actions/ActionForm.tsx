import { lazy, Suspense, useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { ActionInput } from '../../gql/graphql';
import { Field, type FieldAria } from '../../ui/Field';
import { FieldErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ActionErrors } from './ActionErrors';
import {
  ACTION_FORM_PATHS,
  buildActionInput,
  defaultEnd,
  localActionErrors,
  parseStations,
  VISIBILITIES,
  type ActionFormField,
  type ActionFormValues,
} from './actionForm';
import { TIME_ZONES } from './actionTime';
import type { LatLon } from './layers';
import { ACTION_KINDS } from './nearParams';
import { QuestionsEditor } from './QuestionsEditor';
import { addTurfPoint, parseTurfArea, undoTurfPoint } from './turfArea';
import { TurfAreaField } from './TurfAreaField';
import { useGeolocation } from './useGeolocation';
import type { ApiError } from '../../api/errors';

// MapLibre loads with the picker only.
const PointPicker = lazy(() => import('./PointPicker'));

export const FORM = 'action-form';

interface Props {
  mode: 'create' | 'edit';
  initial: ActionFormValues;
  /** Where the point map starts: the section's seat. */
  seat: LatLon | null;
  /** What the form does not show but the API must get back unchanged. */
  kept?: Parameters<typeof buildActionInput>[1];
  /** Sends the input; resolves with the payload's errors (empty on success) or undefined after a failed request. */
  onSubmit: (input: ActionInput, publish: boolean) => Promise<readonly PayloadError[] | undefined>;
  requestError: ApiError | undefined;
  busy: boolean;
  onCancel: () => void;
}

/** Creating or editing an action. Times are typed on the clock of the chosen time zone and sent as instants with its offset. */
export function ActionForm({ mode, initial, seat, kept, onSubmit, requestError, busy, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const split = splitPayloadErrors(errors, ACTION_FORM_PATHS);
  const set = (patch: Partial<ActionFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const setPoint = useCallback((meetingPoint: LatLon) => setValues((v) => ({ ...v, meetingPoint })), []);
  const geo = useGeolocation(useCallback((latitude: number, longitude: number) => setPoint({ latitude, longitude }), [setPoint]));
  const errorsOf = (f: ActionFormField) => split.byField[`action.${f}`];
  const addCorner = useCallback((p: LatLon) => setValues((v) => ({ ...v, turfPoints: addTurfPoint(v.turfPoints, p) })), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localActionErrors(values);
    setErrors(local);
    if (local.length) {
      focusFirstError();
      return;
    }
    const answer = await onSubmit(buildActionInput(values, kept), values.publish);
    if (answer?.length) setErrors(toPayloadErrors(answer));
    if (!answer || answer.length) focusFirstError();
  }

  /** One labelled control with its errors, under the API's name for it. */
  const field = (name: ActionFormField, label: string, control: (aria: FieldAria) => ReactNode, hint?: string) => (
    <Field label={label} testId={`action-field-${name}`} errorsId={`${FORM}-errors-${name}`} errors={errorsOf(name)} hint={hint}>
      {control}
    </Field>
  );

  const stations = parseStations(values.turfStations);
  return (
    <form ref={formRef} className="card form action-form" onSubmit={(e) => void submit(e)} noValidate data-testid={FORM}>
      <div className="form-grid">
        {field('kind', t('actions.form.kind'), (aria) => (
          <select {...aria} value={values.kind} onChange={(e) => set({ kind: e.target.value as ActionFormValues['kind'] })}>
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`actions.kind.${k}`)}
              </option>
            ))}
          </select>
        ))}
        {field('visibility', t('actions.form.visibility'), (aria) => (
          <select {...aria} value={values.visibility} onChange={(e) => set({ visibility: e.target.value as ActionFormValues['visibility'] })}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`actions.visibility.${v}`)}
              </option>
            ))}
          </select>
        ))}
      </div>
      {field('title', t('actions.form.title'), (aria) => (
        <input {...aria} value={values.title} maxLength={120} onChange={(e) => set({ title: e.target.value })} />
      ))}
      {field('description', t('actions.form.description'), (aria) => (
        <textarea {...aria} value={values.description} rows={4} maxLength={4000} onChange={(e) => set({ description: e.target.value })} />
      ))}

      <fieldset>
        <legend>{t('actions.form.when')}</legend>
        <div className="form-grid">
          {field('startsAt', t('actions.form.startsAt'), (aria) => (
            <input
              {...aria}
              type="datetime-local"
              value={values.startsAt}
              onChange={(e) => {
                const startsAt = e.target.value;
                // A first end follows the start (two hours later); an end already typed is left alone.
                set(values.endsAt && values.endsAt > startsAt ? { startsAt } : { startsAt, endsAt: defaultEnd(startsAt) });
              }}
            />
          ))}
          {field('endsAt', t('actions.form.endsAt'), (aria) => (
            <input {...aria} type="datetime-local" value={values.endsAt} min={values.startsAt || undefined} onChange={(e) => set({ endsAt: e.target.value })} />
          ))}
          {field(
            'timeZone',
            t('actions.form.timeZone'),
            (aria) => (
              <select {...aria} value={values.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
                {[...new Set([...TIME_ZONES, values.timeZone])].map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            ),
            t('actions.form.timeZoneHint'),
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('actions.form.where')}</legend>
        {field('meetingAddress', t('actions.form.meetingAddress'), (aria) => (
          <input {...aria} value={values.meetingAddress} maxLength={300} autoComplete="off" onChange={(e) => set({ meetingAddress: e.target.value })} />
        ))}
        <div className="field">
          <span className="label" id={`${FORM}-point-label`}>
            {t('actions.form.meetingPoint')}
          </span>
          <span className="hint">{t('actions.form.meetingPointHint')}</span>
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            <PointPicker value={values.meetingPoint} seat={seat} onChange={setPoint} label={t('actions.form.meetingPoint')} />
          </Suspense>
          <div className="point-row">
            <span data-testid="action-field-meetingPoint" aria-invalid={errorsOf('meetingPoint')?.length ? true : undefined} tabIndex={-1}>
              {values.meetingPoint
                ? t('actions.form.pointChosen', { lat: values.meetingPoint.latitude.toFixed(5), lon: values.meetingPoint.longitude.toFixed(5) })
                : t('actions.form.noPoint')}
            </span>
            {geo.supported && (
              <button type="button" className="secondary" onClick={geo.locate} disabled={geo.state === 'locating'} data-testid="action-point-locate">
                {geo.state === 'locating' ? t('actions.near.locating') : t('actions.form.pointHere')}
              </button>
            )}
          </div>
          {(geo.state === 'denied' || geo.state === 'unavailable') && <p className="hint">{t(`actions.near.locate.${geo.state}`)}</p>}
          <FieldErrors id={`${FORM}-errors-meetingPoint`} errors={errorsOf('meetingPoint')} />
        </div>
        {field(
          'turfStationIds',
          t('actions.form.turf'),
          (aria) => <textarea {...aria} value={values.turfStations} rows={2} onChange={(e) => set({ turfStations: e.target.value })} />,
          stations.length ? t('actions.form.turfCount', { count: stations.length }) : t('actions.form.turfHint'),
        )}
        <StationErrors errors={errorsOf('turfStationIds')} stations={stations} />
        <TurfAreaField
          form={FORM}
          points={values.turfPoints}
          meetingPoint={values.meetingPoint}
          seat={seat}
          partial={parseTurfArea(kept?.turfArea).partial}
          errors={errorsOf('turfArea')}
          onAdd={addCorner}
          onUndo={() => setValues((v) => ({ ...v, turfPoints: undoTurfPoint(v.turfPoints) }))}
          onClear={() => set({ turfPoints: [] })}
        />
      </fieldset>

      {values.kind === 'DOOR_TO_DOOR' && (
        <fieldset data-testid="action-form-canvass">
          <legend>{t('actions.form.canvass')}</legend>
          {field(
            'campaign',
            t('actions.form.campaign'),
            (aria) => <input {...aria} value={values.campaign} maxLength={100} onChange={(e) => set({ campaign: e.target.value })} />,
            t('actions.form.campaignHint'),
          )}
          <QuestionsEditor questions={values.questions} onChange={(questions) => set({ questions })} errors={errorsOf('questions')} />
        </fieldset>
      )}

      <fieldset>
        <legend>{t('actions.form.who')}</legend>
        <div className="form-grid">
          {field(
            'attendanceTarget',
            t('actions.form.target'),
            (aria) => <input {...aria} inputMode="numeric" value={values.attendanceTarget} onChange={(e) => set({ attendanceTarget: e.target.value })} />,
            t('actions.form.targetHint'),
          )}
          {field(
            'capacity',
            t('actions.form.capacity'),
            (aria) => <input {...aria} inputMode="numeric" value={values.capacity} onChange={(e) => set({ capacity: e.target.value })} />,
            t('actions.form.capacityHint'),
          )}
        </div>
      </fieldset>

      {mode === 'create' && (
        <label className="inline">
          <input type="checkbox" checked={values.publish} onChange={(e) => set({ publish: e.target.checked })} data-testid="action-field-publish" />
          {t('actions.form.publishNow')}
        </label>
      )}
      <ActionErrors errors={split.general} error={requestError} testId={`${FORM}-errors`} />
      <div className="actions">
        <button type="submit" className="big" disabled={busy} data-testid={`${FORM}-submit`}>
          {busy ? t('actions.form.saving') : mode === 'create' ? t('actions.form.create') : t('actions.form.save')}
        </button>
        <button type="button" className="secondary big" onClick={onCancel} data-testid={`${FORM}-cancel`}>
          {t('actions.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The API names a station by its place in the list (action.turfStationIds.3): the message says which one. */
function StationErrors({ errors, stations }: { errors: PayloadError[] | undefined; stations: string[] }) {
  const { t } = useTranslation();
  const named = (errors ?? []).flatMap((e) => {
    const index = /\.(\d+)$/.exec(e.field ?? '')?.[1];
    const code = index != null ? stations[Number(index)] : undefined;
    return code ? [t('actions.form.stationIs', { code })] : [];
  });
  if (!named.length) return null;
  return (
    <p className="hint" data-testid="action-form-station-names">
      {named.join(' · ')}
    </p>
  );
}
