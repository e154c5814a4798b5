import { useTranslation } from 'react-i18next';
import type { PayloadError } from '../../api/mutationErrors';
import type { PersonKind, ProfileVisibility } from '../../gql/graphql';
import { Field, type FieldAria } from '../../ui/Field';
import { FieldErrors } from '../../ui/FieldErrors';
import { ConsentChoice } from './ConsentChoice';
import { CONSENT_KINDS, consentKey, MANAGER_METHODS, type ManagerMethod, type Wordings } from './consents';
import { PERSON_KINDS, VISIBILITIES, type PersonFormMode, type PersonFormPath, type PersonFormValues } from './personForm';

/** `address.postalCode` → `address-postalCode`, for test ids and element ids. */
export function pathSlug(path: string): string {
  return path.replace(/\./g, '-');
}

/** Test id of the input of a form path: `field-email`, `field-address-postalCode`. */
export function fieldTestId(path: string): string {
  return `field-${pathSlug(path)}`;
}

interface FieldsProps {
  /** Prefix of the ids of the error lists (`<formKey>-errors-<path>`); one form per key on a page. */
  formKey: string;
  mode: PersonFormMode;
  values: PersonFormValues;
  onChange: (patch: Partial<PersonFormValues>) => void;
  errors: Partial<Record<PersonFormPath, PayloadError[]>>;
  /** Add mode: the wording of each consent, shown next to its checkbox. */
  wordings?: Wordings | null;
  /** The person signs in with their email: nobody changes it here (the API answers EMAIL_BOUND_TO_ACCOUNT). */
  emailLocked?: boolean;
}

/** The consents a manager records when adding someone: what the person agreed to, and how they said so. */
function ConsentsFieldset({ formKey, values, onChange, errors, wordings }: Omit<FieldsProps, 'mode'>) {
  const { t } = useTranslation();
  const errorsId = `${formKey}-errors-consents`;
  const methodPath = 'consentMethod';
  return (
    <fieldset aria-describedby={errors.consents?.length ? errorsId : undefined}>
      <legend>{t('personForm.consents')}</legend>
      <p className="hint">{t('personForm.consentsHint')}</p>
      {CONSENT_KINDS.map((k) => (
        <ConsentChoice
          key={consentKey(k)}
          {...k}
          wording={wordings?.[consentKey(k)]}
          checked={values.consents[consentKey(k)]}
          onChange={(checked) => onChange({ consents: { ...values.consents, [consentKey(k)]: checked } })}
          testIdPrefix="field-consent"
        />
      ))}
      <Field
        label={t('personForm.consentMethod')}
        testId={fieldTestId(methodPath)}
        errorsId={`${formKey}-errors-${methodPath}`}
        errors={errors.consentMethod}
      >
        {(aria: FieldAria) => (
          <select value={values.consentMethod} onChange={(e) => onChange({ consentMethod: e.target.value as '' | ManagerMethod })} {...aria}>
            <option value="">{t('personForm.choose')}</option>
            {MANAGER_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`consentMethod.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FieldErrors id={errorsId} errors={errors.consents} />
    </fieldset>
  );
}

/** The fields of the add, edit and self forms: consents only when adding, visibility only when changing. */
export function PersonFormFields({ formKey, mode, values, onChange, errors, wordings, emailLocked = false }: FieldsProps) {
  const { t } = useTranslation();
  const field = (path: PersonFormPath, label: string, hint?: string) => ({
    label,
    hint,
    testId: fieldTestId(path),
    errorsId: `${formKey}-errors-${pathSlug(path)}`,
    errors: errors[path],
  });
  const addressErrorsId = `${formKey}-errors-address`;
  const text = (key: 'firstName' | 'lastName' | 'phone' | 'tags' | 'line1' | 'postalCode' | 'city') => ({
    value: values[key],
    onChange: (e: { target: { value: string } }) => onChange({ [key]: e.target.value }),
    autoComplete: 'off',
  });

  return (
    <>
      <div className="form-grid">
        {mode !== 'self' && (
          <Field {...field('kind', t('personForm.kind'))}>
            {(aria) => (
              <select value={values.kind} onChange={(e) => onChange({ kind: e.target.value as '' | PersonKind })} {...aria}>
                {mode === 'add' && (
                  <option value="" disabled>
                    {t('personForm.choose')}
                  </option>
                )}
                {PERSON_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {mode !== 'add' && (
          <Field {...field('profileVisibility', t('personForm.profileVisibility'))}>
            {(aria) => (
              <select
                value={values.profileVisibility}
                onChange={(e) => onChange({ profileVisibility: e.target.value as ProfileVisibility })}
                {...aria}
              >
                {VISIBILITIES.map((v) => (
                  <option key={v} value={v}>
                    {t(`visibility.${v}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>

      <div className="form-grid">
        <Field {...field('firstName', t('personForm.firstName'))}>{(aria) => <input type="text" {...text('firstName')} {...aria} />}</Field>
        <Field {...field('lastName', t('personForm.lastName'))}>{(aria) => <input type="text" {...text('lastName')} {...aria} />}</Field>
        <Field
          {...field('email', t('personForm.email'),
            mode === 'self' ? t('personForm.emailSelfHint') : emailLocked ? t('personForm.emailLockedHint') : undefined)}
        >
          {(aria) => (
            <input
              type="email"
              autoComplete="off"
              value={values.email}
              readOnly={mode === 'self' || emailLocked}
              onChange={(e) => onChange({ email: e.target.value })}
              {...aria}
            />
          )}
        </Field>
        <Field {...field('phone', t('personForm.phone'), mode === 'add' ? undefined : t('personForm.phoneClearHint'))}>
          {(aria) => <input type="tel" {...text('phone')} {...aria} />}
        </Field>
      </div>

      <Field {...field('tags', t('personForm.tags'), t('personForm.tagsHint'))}>{(aria) => <input type="text" {...text('tags')} {...aria} />}</Field>

      <fieldset aria-describedby={errors.address?.length ? addressErrorsId : undefined}>
        <legend>{t('personForm.address')}</legend>
        <p className="hint">{mode === 'add' ? t('personForm.addressHint') : t('personForm.addressEditHint')}</p>
        <div className="form-grid">
          <Field {...field('address.line1', t('personForm.addressLine1'))}>{(aria) => <input type="text" {...text('line1')} {...aria} />}</Field>
          <Field {...field('address.postalCode', t('personForm.postalCode'))}>
            {(aria) => <input type="text" inputMode="numeric" {...text('postalCode')} {...aria} />}
          </Field>
          <Field {...field('address.city', t('personForm.city'))}>{(aria) => <input type="text" {...text('city')} {...aria} />}</Field>
        </div>
        <FieldErrors id={addressErrorsId} errors={errors.address} />
      </fieldset>

      {mode === 'add' && <ConsentsFieldset formKey={formKey} values={values} onChange={onChange} errors={errors} wordings={wordings ?? null} />}
    </>
  );
}
