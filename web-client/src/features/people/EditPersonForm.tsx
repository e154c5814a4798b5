import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import { GeneralErrors } from '../delegations/FieldErrors';
import { ErrorMessage } from '../layout/ErrorMessage';
import { UpdatePersonMutation } from './mutations';
import {
  buildUpdatePersonInput,
  localPersonErrors,
  PERSON_FORM_PATHS,
  valuesFromPerson,
  type EditablePerson,
  type PersonFormValues,
} from './personForm';
import { PersonFormFields } from './PersonFormFields';

const FORM_KEY = 'person-edit';

interface Props {
  person: EditablePerson & { displayName: string };
  /** Called after a successful save (or when nothing changed): refresh and close. */
  onSaved: (changed: boolean) => void;
  onCancel: () => void;
}

/** Changes a person, sending only the fields that differ from what the page shows. */
export function EditPersonForm({ person, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<PersonFormValues>(() => valuesFromPerson(person));
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [update, updateState] = useMutation(UpdatePersonMutation);
  const split = splitPayloadErrors(errors, PERSON_FORM_PATHS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localPersonErrors(
      values,
      {
        required: t('personForm.required'),
        addressIncomplete: t('personForm.addressIncomplete'),
        addressNotRemovable: t('personForm.addressNotRemovable'),
      },
      person,
    );
    setErrors(local);
    if (local.length) return;

    const input = buildUpdatePersonInput(person, values);
    if (!input) {
      onSaved(false);
      return;
    }
    const data = await update({ input });
    if (!data) return; // top-level error, shown below
    const payload = data.updatePerson;
    if (payload.errors.length) {
      setErrors(toPayloadErrors(payload.errors));
      return;
    }
    onSaved(true);
  }

  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={`${FORM_KEY}-title`}
      data-testid="person-edit-form"
    >
      <h2 id={`${FORM_KEY}-title`}>{t('personForm.editTitle', { name: person.displayName })}</h2>
      <PersonFormFields
        formKey={FORM_KEY}
        mode="edit"
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
