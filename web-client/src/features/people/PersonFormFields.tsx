import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PayloadError } from '../../api/mutationErrors';
import type { ConsentMethod, PersonKind, ProfileVisibility } from '../../gql/graphql';
import { FieldErrors } from '../delegations/FieldErrors';
import {
  CONSENT_METHODS,
  PERSON_KINDS,
  VISIBILITIES,
  type ConsentValue,
  type PersonFormPath,
  type PersonFormValues,
} from './personForm';

/** `address.postalCode` → `address-postalCode`, for test ids and element ids. */
export function pathSlug(path: string): string {
  return path.replace(/\./g, '-');
}

/** Test id of the input of a form path: `field-email`, `field-address-postalCode`, `field-emailConsent-method`. */
export function fieldTestId(path: string): string {
  return `field-${pathSlug(path)}`;
}

interface FieldsProps {
  /** Prefix of the ids of the error lists (`<formKey>-errors-<path>`); one form per key on a page. */
  formKey: string;
  mode: 'add' | 'edit';
  values: PersonFormValues;
  onChange: (patch: Partial<PersonFormValues>) => void;
  errors: Partial<Record<PersonFormPath, PayloadError[]>>;
}

interface ControlProps {
  formKey: string;
  path: PersonFormPath;
  errors: PayloadError[] | undefined;
  label: string;
  hint?: string;
  children: (aria: { 'aria-invalid'?: true; 'aria-describedby'?: string; 'data-testid': string }) => ReactNode;
}

/** A label around one control, its hint, and the errors the API reported on its path. */
function Control({ formKey, path, errors, label, hint, children }: ControlProps) {
  const errorsId = `${formKey}-errors-${pathSlug(path)}`;
  const hintId = `${formKey}-hint-${pathSlug(path)}`;
  const describedBy = [errors?.length ? errorsId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label>
        {label}
        {children({
          ...(errors?.length ? { 'aria-invalid': true as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          'data-testid': fieldTestId(path),
        })}
        {hint && (
          <span className="hint" id={hintId}>
            {hint}
          </span>
        )}
      </label>
      <FieldErrors id={errorsId} errors={errors} />
    </div>
  );
}

function ConsentFields(props: {
  formKey: string;
  path: 'emailConsent' | 'smsConsent';
  legend: string;
  value: ConsentValue;
  onChange: (value: ConsentValue) => void;
  errors: PayloadError[] | undefined;
}) {
  const { t } = useTranslation();
  const { formKey, path, value, onChange, errors } = props;
  const errorsId = `${formKey}-errors-${pathSlug(path)}`;
  return (
    <fieldset aria-describedby={errors?.length ? errorsId : undefined}>
      <legend>{props.legend}</legend>
      <label className="inline">
        <input
          type="checkbox"
          checked={value.given}
          onChange={(e) => onChange({ ...value, given: e.target.checked })}
          data-testid={fieldTestId(path)}
        />
        {t('personForm.consentGiven')}
      </label>
      <label>
        {t('personForm.consentMethod')}
        <select
          value={value.method}
          disabled={!value.given}
          onChange={(e) => onChange({ ...value, method: e.target.value as ConsentMethod })}
          data-testid={fieldTestId(`${path}.method`)}
        >
          {CONSENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`consentMethod.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldErrors id={errorsId} errors={errors} />
    </fieldset>
  );
}

/** The fields shared by the add and edit forms; consents only when adding, visibility only when editing. */
export function PersonFormFields({ formKey, mode, values, onChange, errors }: FieldsProps) {
  const { t } = useTranslation();
  const control = (path: PersonFormPath, label: string, hint?: string) => ({ formKey, path, errors: errors[path], label, hint });
  const addressErrorsId = `${formKey}-errors-address`;

  return (
    <>
      <div className="form-grid">
        <Control {...control('kind', t('personForm.kind'))}>
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
        </Control>
        {mode === 'edit' && (
          <Control {...control('profileVisibility', t('personForm.profileVisibility'))}>
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
          </Control>
        )}
      </div>

      <div className="form-grid">
        <Control {...control('firstName', t('personForm.firstName'))}>
          {(aria) => (
            <input type="text" autoComplete="off" value={values.firstName} onChange={(e) => onChange({ firstName: e.target.value })} {...aria} />
          )}
        </Control>
        <Control {...control('lastName', t('personForm.lastName'))}>
          {(aria) => (
            <input type="text" autoComplete="off" value={values.lastName} onChange={(e) => onChange({ lastName: e.target.value })} {...aria} />
          )}
        </Control>
        <Control {...control('email', t('personForm.email'))}>
          {(aria) => (
            <input type="email" autoComplete="off" value={values.email} onChange={(e) => onChange({ email: e.target.value })} {...aria} />
          )}
        </Control>
        <Control {...control('phone', t('personForm.phone'), mode === 'edit' ? t('personForm.phoneClearHint') : undefined)}>
          {(aria) => (
            <input type="tel" autoComplete="off" value={values.phone} onChange={(e) => onChange({ phone: e.target.value })} {...aria} />
          )}
        </Control>
      </div>

      <Control {...control('tags', t('personForm.tags'), t('personForm.tagsHint'))}>
        {(aria) => <input type="text" autoComplete="off" value={values.tags} onChange={(e) => onChange({ tags: e.target.value })} {...aria} />}
      </Control>

      <fieldset aria-describedby={errors.address?.length ? addressErrorsId : undefined}>
        <legend>{t('personForm.address')}</legend>
        <p className="hint">{mode === 'add' ? t('personForm.addressHint') : t('personForm.addressEditHint')}</p>
        <div className="form-grid">
          <Control {...control('address.line1', t('personForm.addressLine1'))}>
            {(aria) => <input type="text" autoComplete="off" value={values.line1} onChange={(e) => onChange({ line1: e.target.value })} {...aria} />}
          </Control>
          <Control {...control('address.postalCode', t('personForm.postalCode'))}>
            {(aria) => (
              <input
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values.postalCode}
                onChange={(e) => onChange({ postalCode: e.target.value })}
                {...aria}
              />
            )}
          </Control>
          <Control {...control('address.city', t('personForm.city'))}>
            {(aria) => <input type="text" autoComplete="off" value={values.city} onChange={(e) => onChange({ city: e.target.value })} {...aria} />}
          </Control>
        </div>
        <FieldErrors id={addressErrorsId} errors={errors.address} />
      </fieldset>

      {mode === 'add' && (
        <div className="form-grid">
          <ConsentFields
            formKey={formKey}
            path="emailConsent"
            legend={t('personForm.emailConsent')}
            value={values.emailConsent}
            onChange={(emailConsent) => onChange({ emailConsent })}
            errors={errors.emailConsent}
          />
          <ConsentFields
            formKey={formKey}
            path="smsConsent"
            legend={t('personForm.smsConsent')}
            value={values.smsConsent}
            onChange={(smsConsent) => onChange({ smsConsent })}
            errors={errors.smsConsent}
          />
        </div>
      )}
    </>
  );
}
