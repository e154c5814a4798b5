import type { ApiError } from '../api/errors';
import { useErrorText } from './errorText';

/** A failed request, explained by its extensions.code. Focusable, so a form can move focus to it. */
export function ErrorMessage({ error, testId }: { error: ApiError; testId?: string }) {
  const text = useErrorText();
  const code = error.primaryCode;
  return (
    <p className="error" role="alert" tabIndex={-1} data-error="" data-testid={testId ?? 'api-error'} data-code={code}>
      {text(code)}
    </p>
  );
}
