import type { PayloadError } from '../api/mutationErrors';
import { useErrorText } from './errorText';

/** The errors of one field, referenced by the field's aria-describedby (id) and focusable as a list. */
export function FieldErrors({ id, errors }: { id: string; errors: readonly PayloadError[] | undefined }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <ul className="field-errors" id={id} data-testid={id} tabIndex={-1} data-error="">
      {errors.map((e, i) => (
        <li key={i} className="error" data-code={e.code}>
          {text(e.code)}
        </li>
      ))}
    </ul>
  );
}

/** Errors that belong to no field the form shows (domain rules, fields not on the form). */
export function GeneralErrors({ errors, testId }: { errors: readonly PayloadError[]; testId: string }) {
  const text = useErrorText();
  if (!errors.length) return null;
  return (
    <ul className="form-errors" role="alert" data-testid={testId} tabIndex={-1} data-error="">
      {errors.map((e, i) => (
        <li key={i} className="error" data-code={e.code}>
          {text(e.code)}
        </li>
      ))}
    </ul>
  );
}
