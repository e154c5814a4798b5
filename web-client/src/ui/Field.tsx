import type { ReactNode } from 'react';
import type { PayloadError } from '../api/mutationErrors';
import { FieldErrors } from './FieldErrors';

/** What a control needs to be tied to its errors and hint. */
export interface FieldAria {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'data-testid': string;
}

interface Props {
  label: string;
  testId: string;
  /** Id (and test id) of the error list, e.g. `add-person-errors-email`. */
  errorsId: string;
  errors: readonly PayloadError[] | undefined;
  hint?: string | undefined;
  children: (aria: FieldAria) => ReactNode;
}

/** A label around one control, its hint, and the errors reported on it (read out with the control). */
export function Field({ label, testId, errorsId, errors, hint, children }: Props) {
  const hintId = `${errorsId}-hint`;
  const describedBy = [errors?.length ? errorsId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label>
        {label}
        {children({
          ...(errors?.length ? { 'aria-invalid': true as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          'data-testid': testId,
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
