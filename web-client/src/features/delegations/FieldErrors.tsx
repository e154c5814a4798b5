import type { PayloadError } from '../../api/mutationErrors';

export function FieldErrors({ id, errors }: { id: string; errors: readonly PayloadError[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <ul className="field-errors" id={id} data-testid={id}>
      {errors.map((e, i) => (
        <li key={i} className="error" data-code={e.code}>
          {e.message}
        </li>
      ))}
    </ul>
  );
}

export function GeneralErrors({ errors, testId }: { errors: readonly PayloadError[]; testId: string }) {
  if (!errors.length) return null;
  return (
    <ul className="form-errors" role="alert" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i} className="error" data-code={e.code}>
          {e.message}
        </li>
      ))}
    </ul>
  );
}
