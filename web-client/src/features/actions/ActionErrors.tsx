import { useTranslation } from 'react-i18next';
import { errorEntries, type ApiError } from '../../api/errors';
import type { PayloadError } from '../../api/mutationErrors';
import { isKnownErrorCode } from '../../ui/errorText';

/**
 * Errors of an action's mutation (payload errors, or the request's own): each by its code's translation; a code this
 * client does not know yet shows the API's message rather than a generic one.
 */
export function ActionErrors({ errors, error, testId }: { errors?: readonly PayloadError[]; error?: ApiError | undefined; testId: string }) {
  const { t } = useTranslation();
  const all: PayloadError[] = [
    ...(errors ?? []),
    // A request's refused values are said by each field's own code.
    ...errorEntries(error),
  ];
  if (!all.length) return null;
  return (
    <ul className="form-errors" role="alert" tabIndex={-1} data-error="" data-testid={testId}>
      {all.map((e, i) => (
        <li key={i} className="error" data-code={e.code}>
          {isKnownErrorCode(e.code) ? t(`errorCode.${e.code}`) : (e.message ?? t('errors.generic'))}
        </li>
      ))}
    </ul>
  );
}
