import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from '../../api/hooks';
import { splitPayloadErrors, toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import { GeneralErrors } from '../delegations/FieldErrors';
import { ErrorMessage } from '../layout/ErrorMessage';
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
  const split = splitPayloadErrors(errors, PERSON_FORM_PATHS);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local = localPersonErrors(values, {
      required: t('personForm.required'),
      addressIncomplete: t('personForm.addressIncomplete'),
      addressNotRemovable: t('personForm.addressNotRemovable'),
    });
    setErrors(local);
    if (local.length) return;

    const data = await add({ input: buildAddPersonInput(section.id, values) });
    if (!data) return; // top-level error, shown below
    const payload = data.addPerson;
    if (payload.errors.length) {
      setErrors(toPayloadErrors(payload.errors));
      return;
    }
    if (payload.person) navigate(`/people/${encodeURIComponent(payload.person.id)}`);
  }

  return (
    <form
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
      />
      <GeneralErrors errors={split.general} testId={`${FORM_KEY}-errors`} />
      {addState.error && <ErrorMessage error={addState.error} />}
      <div className="actions">
        <button type="submit" disabled={addState.loading} data-testid="add-person-submit">
          {addState.loading ? t('personForm.adding') : t('personForm.add')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} data-testid="add-person-cancel">
          {t('personForm.cancel')}
        </button>
      </div>
    </form>
  );
}
