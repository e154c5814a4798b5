import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { executeGraphQL } from '../../api/client';
import { ApiError } from '../../api/errors';
import { toPayloadErrors, type PayloadError } from '../../api/mutationErrors';
import type { ErasePersonalDataMutation as ErasePersonalDataResult } from '../../gql/graphql';
import { GeneralErrors } from '../../ui/FieldErrors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { ErasePersonalDataMutation } from './queries';

/** The word the API wants typed before it erases anyone: the same in every language. */
export const ERASE_WORD = 'ERASE';

export type Erasure = NonNullable<ErasePersonalDataResult['erasePersonalData']['erasure']>;

interface Props {
  /** Whose data: a person the viewer manages, on their request; none for the viewer's own. */
  personId?: string;
  /** The final button: "Erase my data for good", "Erase their data for good". */
  submitLabel: string;
  onErased: (erasure: Erasure) => void;
  /** Shown as a Cancel button when given. */
  onCancel?: () => void;
  /** Focus the confirmation when the form appears (it was opened by a button). */
  autoFocus?: boolean;
}

/**
 * The last step of an erasure: the word ERASE typed, then the button, enabled only then. The API's refusals
 * (ROLES_HELD, LINKED_RECORD, FORBIDDEN…) are told in words under the field.
 */
export function EraseForm({ personId, submitLabel, onErased, onCancel, autoFocus = false }: Props) {
  const { t } = useTranslation();
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const [formRef, focusFirstError] = useFocusFirstError<HTMLFormElement>();
  const inputId = useId();
  const hintId = useId();
  const ready = confirmation === ERASE_WORD;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setErrors([]);
    let found: PayloadError[];
    try {
      const result = await executeGraphQL(ErasePersonalDataMutation, { input: personId ? { personId, confirmation } : { confirmation } });
      const payload = result.data?.erasePersonalData;
      if (payload?.erasure && payload.errors.length === 0) {
        onErased(payload.erasure);
        return;
      }
      found = payload?.errors.length ? toPayloadErrors(payload.errors) : [{ code: result.error?.primaryCode ?? 'INTERNAL_ERROR' }];
    } catch (cause) {
      found = [{ code: cause instanceof ApiError ? cause.primaryCode : 'NETWORK' }];
    }
    setErrors(found);
    setBusy(false);
    // The refusal is read out (role="alert") and the keyboard continues from it.
    focusFirstError();
  }

  return (
    <form ref={formRef} className="erase-form" onSubmit={(e) => void submit(e)} noValidate data-testid="erase-form">
      <div className="field">
        <label htmlFor={inputId}>{t('privacy.erase.confirmLabel', { word: ERASE_WORD })}</label>
        <input
          id={inputId}
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={hintId}
          // Opened on purpose by a button just before: the keyboard goes on from here.
          autoFocus={autoFocus}
          data-testid="erase-confirmation"
        />
        <span className="hint" id={hintId}>
          {t('privacy.erase.confirmHint', { word: ERASE_WORD })}
        </span>
      </div>
      <GeneralErrors errors={errors} testId="erase-errors" />
      <div className="actions">
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel} data-testid="erase-cancel">
            {t('privacy.erase.cancel')}
          </button>
        )}
        <button type="submit" className="danger strong" disabled={!ready || busy} data-testid="erase-submit">
          {busy ? t('privacy.erase.erasing') : submitLabel}
        </button>
      </div>
    </form>
  );
}
