import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { ActionDetailsFieldsFragment, ConsentChannel, NearInput } from '../../gql/graphql';
import { Field } from '../../ui/Field';
import { FieldErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ConsentChoice } from '../people/ConsentChoice';
import { useConsentWordings } from '../people/consents';
import { ActionErrors } from './ActionErrors';
import { JoinActionAsVisitorMutation } from './queries';

const FORM = 'visitor-join';
const PATHS = ['firstName', 'lastName', 'email', 'phone', 'consentEmail', 'consentSms'];

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  consentEmail: boolean;
  consentSms: boolean;
}

const EMPTY: Values = { firstName: '', lastName: '', email: '', phone: '', consentEmail: false, consentSms: false };

/** What the form checks before sending; the API checks it all again. */
export function localVisitorErrors(v: Values): PayloadError[] {
  const errors: PayloadError[] = [];
  if (!v.firstName.trim()) errors.push({ code: 'REQUIRED', field: 'firstName' });
  if (!v.lastName.trim()) errors.push({ code: 'REQUIRED', field: 'lastName' });
  // An email or a mobile number, each with its consent: the way the visitor is told if the action changes.
  if (!v.email.trim() && !v.phone.trim()) errors.push({ code: 'EMAIL_OR_PHONE', field: 'email' });
  if (v.email.trim() && !v.consentEmail) errors.push({ code: 'CONSENT_REQUIRED', field: 'consentEmail' });
  if (v.phone.trim() && !v.consentSms) errors.push({ code: 'CONSENT_REQUIRED', field: 'consentSms' });
  return errors;
}

interface Props {
  action: ActionDetailsFieldsFragment;
  /** Where the visitor searched from: it chooses the section they join. */
  near: NearInput | null;
  onJoined: (action: ActionDetailsFieldsFragment) => void;
}

/** Joining without an account: a name, an email or a mobile number (or both), and consent to be told about this action that way. */
export function VisitorJoinForm({ action, near, onJoined }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  // Where the confirmation link went: nothing is created or counted until the visitor follows it.
  const [sentTo, setSentTo] = useState<ConsentChannel | null>(null);
  const [send, state] = useMutation(JoinActionAsVisitorMutation);
  const { wordings } = useConsentWordings();
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const split = splitPayloadErrors(errors, PATHS);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localVisitorErrors(values);
    setErrors(local);
    if (local.length) {
      focusFirstError();
      return;
    }
    const phone = values.phone.trim();
    const email = values.email.trim();
    const data = await send({
      input: {
        actionId: action.id,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: email || null,
        phone: phone || null,
        consentEmail: !!email && values.consentEmail,
        consentSms: !!phone && values.consentSms,
        near,
      },
    });
    const payload = data?.joinActionAsVisitor;
    if (!payload || payload.errors.length || !payload.joined) {
      if (payload) setErrors(toPayloadErrors(payload.errors));
      focusFirstError();
      return;
    }
    // The answer is the same whoever the contact is: it never says whether they were already signed up, nor the place.
    setSentTo(payload.joined.confirmationSentTo);
    onJoined(payload.joined.action);
  }

  if (sentTo) {
    return (
      <div className="notice" role="status" data-testid="visitor-check-inbox" data-channel={sentTo}>
        <p>
          <strong>{sentTo === 'SMS' ? t('actions.visitor.sentBySms') : t('actions.visitor.sentByEmail')}</strong>
        </p>
        <p>{t('actions.visitor.openWithin')}</p>
      </div>
    );
  }

  return (
    <form ref={formRef} className="card form visitor-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${FORM}-title`} data-testid={FORM}>
      <h2 id={`${FORM}-title`}>{t('actions.visitor.title')}</h2>
      <p className="hint">
        {t('actions.visitor.intro')} <Link to="/signin" state={{ from: `/actions/${action.id}` }}>{t('actions.visitor.signIn')}</Link>
      </p>
      <div className="form-grid">
        <TextField name="firstName" autoComplete="given-name" values={values} set={set} errors={split.byField} label={t('personForm.firstName')} />
        <TextField name="lastName" autoComplete="family-name" values={values} set={set} errors={split.byField} label={t('personForm.lastName')} />
        <TextField
          name="email"
          type="email"
          autoComplete="email"
          values={values}
          set={set}
          errors={split.byField}
          label={t('actions.visitor.email')}
          hint={t('actions.visitor.emailHint')}
        />
        <TextField
          name="phone"
          type="tel"
          autoComplete="tel"
          values={values}
          set={set}
          errors={split.byField}
          label={t('actions.visitor.phone')}
          hint={t('actions.visitor.phoneHint')}
        />
      </div>
      <fieldset>
        <legend>{t('actions.visitor.consents')}</legend>
        {!values.email.trim() && !values.phone.trim() && <p className="hint">{t('actions.visitor.consentsHint')}</p>}
        {values.email.trim() && (
          <ConsentChoice
            purpose="ACTIONS"
            channel="EMAIL"
            wording={wordings?.['ACTIONS-EMAIL']}
            checked={values.consentEmail}
            onChange={(consentEmail) => set({ consentEmail })}
            testIdPrefix={`${FORM}-consent`}
            describedBy={split.byField.consentEmail ? `${FORM}-errors-consentEmail` : undefined}
          >
            <FieldErrors id={`${FORM}-errors-consentEmail`} errors={split.byField.consentEmail} />
          </ConsentChoice>
        )}
        {values.phone.trim() && (
          <ConsentChoice
            purpose="ACTIONS"
            channel="SMS"
            wording={wordings?.['ACTIONS-SMS']}
            checked={values.consentSms}
            onChange={(consentSms) => set({ consentSms })}
            testIdPrefix={`${FORM}-consent`}
            describedBy={split.byField.consentSms ? `${FORM}-errors-consentSms` : undefined}
          >
            <FieldErrors id={`${FORM}-errors-consentSms`} errors={split.byField.consentSms} />
          </ConsentChoice>
        )}
      </fieldset>
      <ActionErrors errors={split.general} error={state.error} testId={`${FORM}-errors`} />
      <div className="actions">
        <button type="submit" className="big" disabled={state.loading || !wordings} data-testid={`${FORM}-submit`}>
          {state.loading ? t('actions.visitor.sending') : action.attendance.placesLeft === 0 ? t('actions.page.joinWaiting') : t('actions.page.join')}
        </button>
      </div>
    </form>
  );
}

type TextName = 'firstName' | 'lastName' | 'email' | 'phone';

interface TextFieldProps {
  name: TextName;
  label: string;
  hint?: string;
  type?: string;
  autoComplete: string;
  values: Values;
  set: (patch: Partial<Values>) => void;
  errors: Record<string, PayloadError[]>;
}

function TextField({ name, label, hint, type = 'text', autoComplete, values, set, errors }: TextFieldProps) {
  return (
    <Field label={label} testId={`${FORM}-${name}`} errorsId={`${FORM}-errors-${name}`} errors={errors[name]} hint={hint}>
      {(aria) => (
        <input
          {...aria}
          type={type}
          value={values[name]}
          autoComplete={autoComplete}
          maxLength={name === 'phone' ? 30 : 254}
          onChange={(e) => set({ [name]: e.target.value })}
        />
      )}
    </Field>
  );
}
