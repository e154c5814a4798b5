import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { PersonConsentsFieldsFragment, RecordConsentInput } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';
import { FieldErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ConsentChoice } from './ConsentChoice';
import { CONSENT_KINDS, consentKey, MANAGER_METHODS, useConsentWordings, type ConsentKey, type ManagerMethod } from './consents';
import { RecordConsentMutation } from './mutations';

type Consent = NonNullable<PersonConsentsFieldsFragment['consents']>[number];

interface Props {
  person: { id: string; displayName: string; isViewer: boolean; consents: readonly Consent[] };
  /** Each recorded line answers the person's consents as they now are. */
  onRecorded: (consents: PersonConsentsFieldsFragment) => void;
  /** All changes were recorded (count 0: nothing had changed). */
  onDone: (count: number) => void;
  onCancel: () => void;
}

/** The latest line is a withdrawal: from then on only the person may give this consent again. */
function withdrawn(consent: Consent | undefined): boolean {
  return !!consent && !consent.granted && consent.method != null;
}

/**
 * Changes consents, each change one line of the ledger (recordConsent). The person records their own (web form);
 * a manager records what the person said on paper or orally, and cannot give back a consent once withdrawn.
 */
export function ConsentForm({ person, onRecorded, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const asSelf = person.isViewer;
  const current = Object.fromEntries(person.consents.map((c) => [consentKey(c), c])) as Partial<Record<ConsentKey, Consent>>;
  const [wanted, setWanted] = useState(() =>
    Object.fromEntries(CONSENT_KINDS.map((k) => [consentKey(k), current[consentKey(k)]?.granted ?? false])) as Record<ConsentKey, boolean>,
  );
  const [method, setMethod] = useState<'' | ManagerMethod>('');
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [saving, setSaving] = useState(false);
  const { wordings } = useConsentWordings();
  const [record, recordState] = useMutation(RecordConsentMutation);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const errorsOf = (field: string) => errors.filter((e) => e.field === field);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const changes = CONSENT_KINDS.filter((k) => wanted[consentKey(k)] !== (current[consentKey(k)]?.granted ?? false));
    if (!changes.length) {
      onDone(0);
      return;
    }
    if (!asSelf && !method) {
      setErrors([{ code: 'METHOD_REQUIRED', field: 'method' }]);
      focusFirstError();
      return;
    }
    setErrors([]);
    setSaving(true);
    const failures: PayloadError[] = [];
    let stopped = false;
    for (const kind of changes) {
      const key = consentKey(kind);
      const granted = wanted[key];
      const input: RecordConsentInput = { personId: person.id, ...kind, granted, method: asSelf ? 'WEB_FORM' : (method as ManagerMethod) };
      if (granted) input.wordingVersion = wordings?.[key]?.version ?? null;
      const payload = (await record({ input }))?.recordConsent;
      if (!payload) {
        stopped = true; // a top-level error (shown below): the next changes would fail the same way
        break;
      }
      if (payload.errors.length) failures.push(...payload.errors.map((error) => ({ ...error, field: key })));
      else if (payload.person) onRecorded(payload.person);
    }
    setSaving(false);
    if (stopped || failures.length) {
      setErrors(failures);
      focusFirstError();
      return;
    }
    onDone(changes.length);
  }

  return (
    <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consents-form-title" data-testid="consents-form">
      <h3 id="consents-form-title">{asSelf ? t('consent.editSelfTitle') : t('consent.editTitle', { name: person.displayName })}</h3>
      <p className="hint">{asSelf ? t('consent.selfHint') : t('consent.managerHint')}</p>
      {CONSENT_KINDS.map((kind) => {
        const key = consentKey(kind);
        const locked = !asSelf && withdrawn(current[key]) && !wanted[key];
        const errorsId = `consents-errors-${key}`;
        return (
          <ConsentChoice
            key={key}
            {...kind}
            wording={wordings?.[key]}
            checked={wanted[key]}
            disabled={locked}
            onChange={(checked) => setWanted((w) => ({ ...w, [key]: checked }))}
            testIdPrefix="consent"
            describedBy={[locked ? `${errorsId}-locked` : null, errorsOf(key).length ? errorsId : null].filter(Boolean).join(' ') || undefined}
          >
            {locked && (
              <p className="hint" id={`${errorsId}-locked`}>
                {t('consent.onlyThePerson', { name: person.displayName })}
              </p>
            )}
            <FieldErrors id={errorsId} errors={errorsOf(key)} />
          </ConsentChoice>
        );
      })}
      {!asSelf && (
        <Field label={t('consent.method')} testId="consents-method" errorsId="consents-errors-method" errors={errorsOf('method')}>
          {(aria) => (
            <select value={method} onChange={(e) => setMethod(e.target.value as '' | ManagerMethod)} {...aria}>
              <option value="">{t('personForm.choose')}</option>
              {MANAGER_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`consentMethod.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {recordState.error && <ErrorMessage error={recordState.error} />}
      <div className="actions">
        <button type="submit" disabled={saving || !wordings} data-testid="consents-submit">
          {saving ? t('personForm.saving') : t('consent.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="consents-cancel">
          {t('personForm.cancel')}
        </button>
      </div>
    </form>
  );
}
