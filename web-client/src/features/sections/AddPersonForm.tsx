import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GeneralErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { useConsentWordings } from '../people/consents';
import { AddPersonMutation } from '../people/mutations';
import { buildAddPersonInput, emptyPersonValues, localPersonErrors, PERSON_FORM_PATHS, type PersonFormValues } from '../people/personForm';
import { PersonFormFields } from '../people/PersonFormFields';

const FORM_KEY = 'add-person';

interface Props {
  section: { id: string; name: string };
  onCancel: () => void;
}

/** Adds a person to the section, then opens their page. Shown only to those managing people there. */
export function AddPersonForm({ section, onCancel }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<PersonFormValues>(emptyPersonValues);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [add, addState] = useMutation(AddPersonMutation);
  const { wordings } = useConsentWordings();
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const split = splitPayloadErrors(errors, PERSON_FORM_PATHS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localPersonErrors(values, 'add');
    setErrors(local);
    if (local.length) {
      focusFirstError();
      return;
    }
    const data = await add({ input: buildAddPersonInput(section.id, values, wordings ?? {}) });
    const payload = data?.addPerson;
    if (!payload || payload.errors.length) {
      // A top-level error is shown by ErrorMessage below; payload errors under their fields.
      if (payload) setErrors(toPayloadErrors(payload.errors));
      focusFirstError();
      return;
    }
    if (payload.person) navigate(`/people/${encodeURIComponent(payload.person.id)}`);
  }

  return (
    <form
      ref={formRef}
      className="card form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${FORM_KEY}-title`}
      data-testid="add-person-form"
    >
      <h2 id={`${FORM_KEY}-title`}>{t('personForm.addTitle', { section: section.name })}</h2>
      <PersonFormFields
        formKey={FORM_KEY}
        mode="add"
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={split.byField}
        wordings={wordings}
      />
      <GeneralErrors errors={split.general} testId={`${FORM_KEY}-errors`} />
      {addState.error && <ErrorMessage error={addState.error} />}
      <div className="actions">
        <button type="submit" disabled={addState.loading || !wordings} data-testid="add-person-submit">
          {addState.loading ? t('personForm.adding') : t('personForm.add')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="add-person-cancel">
          {t('personForm.cancel')}
        </button>
      </div>
    </form>
  );
}
