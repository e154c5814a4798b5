import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors';

/** A clear message for a failed request, chosen from the error's extensions.code. */
export function ErrorMessage({ error, testId }: { error: ApiError; testId?: string }) {
  const { t } = useTranslation();
  let text: string;
  switch (error.primaryCode) {
    case 'UNAUTHENTICATED':
      text = t('errors.unauthenticated');
      break;
    case 'FORBIDDEN':
      text = t('errors.forbidden');
      break;
    case 'NOT_FOUND':
      text = t('errors.notFound');
      break;
    case 'NETWORK':
      text = t('errors.network');
      break;
    default:
      text = t('errors.generic', { message: error.message });
  }
  return (
    <p className="error" role="alert" data-testid={testId ?? 'api-error'} data-code={error.primaryCode}>
      {text}
    </p>
  );
}
