import { displayCodes, type ApiError } from '../api/errors';
import { useApiErrorText } from './errorText';

/**
 * A failed request, explained by its extensions.code (refused values: by each field's own code). Focusable, so a form
 * can move focus to it.
 */
export function ErrorMessage({ error, testId }: { error: ApiError; testId?: string }) {
  const text = useApiErrorText();
  return (
    <p className="error" role="alert" tabIndex={-1} data-error="" data-testid={testId ?? 'api-error'} data-code={displayCodes(error)[0]}>
      {text(error)}
    </p>
  );
}
