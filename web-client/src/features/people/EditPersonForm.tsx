import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { PersonDetailsFieldsFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GeneralErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { UpdatePersonMutation } from './mutations';
import {
  buildUpdatePersonInput,
  localPersonErrors,
  PERSON_FORM_PATHS,
  valuesFromPerson,
  type PersonFormMode,
  type PersonFormValues,
} from './personForm';
import { PersonFormFields } from './PersonFormFields';

const FORM_KEY = 'person-edit';

interface Props {
  person: PersonDetailsFieldsFragment;
  mode: Exclude<PersonFormMode, 'add'>;
  /** After a save: the person as the API now has it (null when nothing changed). */
  onSaved: (person: PersonDetailsFieldsFragment | null) => void;
  onCancel: () => void;
}

/** Changes a person, sending only the fields that differ from what the page shows. */
export function EditPersonForm({ person, mode, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PersonFormValues>(() => valuesFromPerson(person));
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [update, updateState] = useMutation(UpdatePersonMutation);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const split = splitPayloadErrors(errors, PERSON_FORM_PATHS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localPersonErrors(values, mode, person);
    setErrors(local);
    if (local.length) {
      focusFirstError();
      return;
    }
    const input = buildUpdatePersonInput(person, values, mode);
    if (!input) {
      onSaved(null);
      return;
    }
    const data = await update({ input });
    const payload = data?.updatePerson;
    if (!payload || payload.errors.length || !payload.person) {
      if (payload) setErrors(toPayloadErrors(payload.errors));
      focusFirstError();
      return;
    }
    onSaved(payload.person);
  }

  return (
    <form
      ref={formRef}
      className="card form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${FORM_KEY}-title`}
      data-testid="person-edit-form"
    >
      <h2 id={`${FORM_KEY}-title`}>
        {mode === 'self' ? t('personForm.editSelfTitle') : t('personForm.editTitle', { name: person.displayName })}
      </h2>
      <PersonFormFields
        formKey={FORM_KEY}
        mode={mode}
        emailLocked={person.signsIn === true}
        values={values}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        errors={split.byField}
      />
      <GeneralErrors errors={split.general} testId={`${FORM_KEY}-errors`} />
      {updateState.error && <ErrorMessage error={updateState.error} />}
      <div className="actions">
        <button type="submit" disabled={updateState.loading} data-testid="person-edit-submit">
          {updateState.loading ? t('personForm.saving') : t('personForm.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="person-edit-cancel">
          {t('personForm.cancel')}
        </button>
      </div>
    </form>
  );
}
