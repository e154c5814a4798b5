import { useCallback, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorEntries, type ApiError } from '../../api/errors';
import { useDebouncedValue, useQuery } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { SaveSegmentInput, SegmentActionsQuery as SegmentActionsResult } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useErrorText } from '../../ui/errorText';
import { Field, type FieldAria } from '../../ui/Field';
import { FieldErrors, GeneralErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { parseStations } from '../actions/actionForm';
import { ActionErrors } from '../actions/ActionErrors';
import type { LatLon } from '../actions/layers';
import { addTurfPoint, parseTurfArea, undoTurfPoint } from '../actions/turfArea';
import { TurfAreaField } from '../actions/TurfAreaField';
import { ReachCount } from './MessagingParts';
import { nodeVariables, type MessagingNode } from './node';
import { SegmentCountQuery } from './queries';
import {
  areaErrors,
  buildDefinition,
  CONSENT_CHANNELS,
  localSegmentErrors,
  PERSON_KINDS,
  SEGMENT_FORM_PATHS,
  type KeptDefinition,
  type SegmentFormValues,
} from './segmentForm';

export const FORM = 'segment-form';
/** The live count waits for a pause in typing. */
export const COUNT_DEBOUNCE_MS = 400;

type SegmentAction = NonNullable<NonNullable<SegmentActionsResult['actions']['items']>[number]>;

interface Props {
  node: MessagingNode;
  /** Where the area map starts when nothing is drawn: the section's seat. */
  seat: LatLon | null;
  /** The section's actions to pick from ("took part in"); null where there is no list (a federation, the party). */
  actions: readonly SegmentAction[] | null;
  initial: SegmentFormValues;
  kept: KeptDefinition;
  /**
   * Whether the viewer sees everyone of the node (MANAGE_PEOPLE): otherwise segments filter only by kind, section and
   * consent, and the narrower filters are not offered (the API refuses them: FILTER_NOT_ALLOWED).
   */
  seesEveryone: boolean;
  /** The node's name, for saying who makes narrower segments. */
  nodeName: string;
  /** Sends the input; resolves with the payload's errors (empty on success) or undefined after a failed request. */
  onSubmit: (input: Omit<SaveSegmentInput, 'id' | 'sectionId' | 'federationCode'>) => Promise<readonly PayloadError[] | undefined>;
  requestError: ApiError | undefined;
  busy: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** A segment's name and filters, with who they reach now (asked again after each pause). */
export function SegmentForm({ node, seat, actions, initial, kept, seesEveryone, nodeName, onSubmit, requestError, busy, submitLabel, onCancel }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const split = splitPayloadErrors(errors, SEGMENT_FORM_PATHS);
  const set = (patch: Partial<SegmentFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const addCorner = useCallback((p: LatLon) => setValues((v) => ({ ...v, areaPoints: addTurfPoint(v.areaPoints, p) })), []);

  // The count follows the filters as they are typed; an area being drawn counts once it is a polygon.
  const countable = useMemo(() => {
    const definition = buildDefinition(values, kept, seesEveryone);
    return JSON.stringify(seesEveryone && areaErrors(values.areaPoints).length ? { ...definition, area: null } : definition);
  }, [values, kept, seesEveryone]);
  const debounced = useDebouncedValue(countable, COUNT_DEBOUNCE_MS);
  const count = useQuery(SegmentCountQuery, { ...nodeVariables(node), definition: JSON.parse(debounced) as ReturnType<typeof buildDefinition> });
  // The filters the count refused are said next to them, by their own code (extensions.data.fields); the others below it.
  const countSplit = splitPayloadErrors(errorEntries(count.error), SEGMENT_FORM_PATHS);
  const errorsOf = (path: (typeof SEGMENT_FORM_PATHS)[number]) => {
    const all = [...(split.byField[path] ?? []), ...(countSplit.byField[path] ?? [])];
    const once = all.filter((e, i) => all.findIndex((o) => o.code === e.code) === i);
    return once.length ? once : undefined;
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localSegmentErrors(values, seesEveryone);
    setErrors(local);
    if (local.length) {
      focusFirstError();
      return;
    }
    const answer = await onSubmit({ name: values.name.trim(), definition: buildDefinition(values, kept, seesEveryone) });
    if (answer?.length) setErrors(toPayloadErrors(answer));
    if (!answer || answer.length) focusFirstError();
  }

  const field = (path: (typeof SEGMENT_FORM_PATHS)[number], label: string, control: (aria: FieldAria) => ReactNode, hint?: string) => {
    const name = path.replace('definition.', '');
    return (
      <Field label={label} testId={`segment-field-${name}`} errorsId={`${FORM}-errors-${name}`} errors={errorsOf(path)} hint={hint}>
        {control}
      </Field>
    );
  };
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  const stations = parseStations(values.stations);
  const listed = new Set(actions?.map((a) => a.id));
  const otherActions = values.actionIds.filter((id) => !listed.has(id)).length;

  return (
    <form ref={formRef} className="card form segment-form" onSubmit={(e) => void submit(e)} noValidate data-testid={FORM}>
      {field('name', t('messaging.segments.form.name'), (aria) => (
        <input {...aria} value={values.name} maxLength={120} onChange={(e) => set({ name: e.target.value })} />
      ))}

      <fieldset>
        <legend>{t('messaging.segments.form.who')}</legend>
        <div className="checkboxes" role="group" aria-label={t('messaging.segments.form.kinds')}>
          {PERSON_KINDS.map((k) => (
            <label key={k}>
              <input
                type="checkbox"
                checked={values.kinds.includes(k)}
                onChange={(e) => set({ kinds: toggle(values.kinds, k, e.target.checked) })}
                data-testid={`segment-kind-${k}`}
              />
              {t(`messaging.segments.form.kind.${k}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t('messaging.segments.form.kindsHint')}</p>
        <FieldErrors id={`${FORM}-errors-kinds`} errors={errorsOf('definition.kinds')} />
        {seesEveryone &&
          field(
            'definition.tags',
            t('messaging.segments.form.tags'),
            (aria) => <input {...aria} value={values.tags} autoComplete="off" onChange={(e) => set({ tags: e.target.value })} />,
            t('messaging.segments.form.tagsHint'),
          )}
        {kept.personIds.length > 0 && (
          <p className="hint" data-testid="segment-kept-people">
            {t('messaging.segments.form.keptPeople', { count: kept.personIds.length })}
          </p>
        )}
      </fieldset>

      {!seesEveryone && <NarrowSegmentsNote node={node} nodeName={nodeName} />}

      {seesEveryone && (
        <fieldset>
          <legend>{t('messaging.segments.form.where')}</legend>
          {field(
            'definition.stationIds',
            t('messaging.segments.form.stations'),
            (aria) => <textarea {...aria} value={values.stations} rows={2} onChange={(e) => set({ stations: e.target.value })} />,
            stations.length ? t('actions.form.turfCount', { count: stations.length }) : t('messaging.segments.form.stationsHint'),
          )}
          <TurfAreaField
            form={FORM}
            field="area"
            testPrefix="segment"
            texts={{
              label: t('messaging.segments.form.area'),
              hint: t('messaging.segments.form.areaHint'),
              draw: t('messaging.segments.form.areaDraw'),
              map: t('messaging.segments.form.areaMap'),
              none: t('messaging.segments.form.areaNone'),
              partial: t('messaging.segments.form.areaPartial'),
            }}
            points={values.areaPoints}
            meetingPoint={null}
            seat={seat}
            partial={parseTurfArea(kept.area).partial}
            errors={errorsOf('definition.area')}
            onAdd={addCorner}
            onUndo={() => setValues((v) => ({ ...v, areaPoints: undoTurfPoint(v.areaPoints) }))}
            onClear={() => set({ areaPoints: [] })}
          />
        </fieldset>
      )}

      {seesEveryone && (actions || values.actionIds.length > 0) && (
        <fieldset data-testid="segment-actions">
          <legend>{t('messaging.segments.form.actions')}</legend>
          {actions && actions.length === 0 && <p className="hint">{t('messaging.segments.form.noActions')}</p>}
          {actions && actions.length > 0 && (
            <div className="checkboxes action-choices">
              {actions.map((a) => (
                <label key={a.id}>
                  <input
                    type="checkbox"
                    checked={values.actionIds.includes(a.id)}
                    onChange={(e) => set({ actionIds: toggle(values.actionIds, a.id, e.target.checked) })}
                    data-testid="segment-action"
                    data-action-id={a.id}
                  />
                  <span>
                    {a.title} <span className="muted">{formatDate(a.startsAt)}</span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {otherActions > 0 && <p className="hint">{t('messaging.segments.form.otherActions', { count: otherActions })}</p>}
          <FieldErrors id={`${FORM}-errors-actionIds`} errors={errorsOf('definition.actionIds')} />
        </fieldset>
      )}

      <fieldset>
        <legend>{t('messaging.segments.form.consent')}</legend>
        <div className="checkboxes" role="radiogroup">
          {(['', ...CONSENT_CHANNELS] as const).map((c) => (
            <label key={c || 'ANY'}>
              <input type="radio" name="consentFor" checked={values.consentFor === c} onChange={() => set({ consentFor: c })} data-testid={`segment-consent-${c || 'ANY'}`} />
              {t(`messaging.segments.form.consentFor.${c || 'ANY'}`)}
            </label>
          ))}
        </div>
        <p className="hint">{t('messaging.segments.form.consentHint')}</p>
        <FieldErrors id={`${FORM}-errors-consentFor`} errors={errorsOf('definition.consentFor')} />
      </fieldset>

      <div className="live-count" role="status" aria-live="polite" data-testid="segment-live-count" data-loading={count.loading}>
        <span className="label">{t('messaging.segments.form.reach')}</span>{' '}
        {count.data ? <ReachCount count={count.data.segmentCount} /> : count.loading ? t('common.loading') : null}
      </div>
      {/* Not an error of the form (focus stays on the form's own): the filters as they stand cannot be counted. */}
      {count.error && countSplit.general.length > 0 && (
        <p className="error" data-testid="segment-count-error" data-code={countSplit.general[0]!.code}>
          {[...new Set(countSplit.general.map((e) => e.code))].map(errorText).join(' ')}
        </p>
      )}

      <GeneralErrors errors={split.general} testId={`${FORM}-errors`} />
      <ActionErrors error={requestError} testId={`${FORM}-request-errors`} />
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="segment-form-submit">
          {busy ? t('actions.form.saving') : submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="segment-form-cancel">
          {t('actions.form.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Said to those who do not see everyone of the node, where the narrower filters would be. */
export function NarrowSegmentsNote({ node, nodeName }: { node: MessagingNode; nodeName: string }) {
  const { t } = useTranslation();
  return (
    <p className="notice" data-testid="segment-narrow-note">
      {node.level === 'SECTION' ? t('messaging.segments.narrowSection', { node: nodeName }) : t('messaging.segments.narrowOther', { node: nodeName })}
    </p>
  );
}
