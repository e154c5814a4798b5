import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { displayCodes, type ApiError } from '../api/errors';
import en from '../i18n/en.json';

/** Error codes with a translation: those the API sends and the few the forms check before sending. */
export type KnownErrorCode = keyof typeof en.errorCode;

export function isKnownErrorCode(code: string | null | undefined): code is KnownErrorCode {
  return !!code && Object.hasOwn(en.errorCode, code);
}

/**
 * The translated text of an error code. The API's own messages are English and meant for developers: the
 * interface only shows its code's translation, and a generic message for a code it does not know yet.
 */
export function useErrorText(): (code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback((code) => (isKnownErrorCode(code) ? t(`errorCode.${code}`) : t('errors.generic')), [t]);
}

/**
 * The translated text of a failed request: its primary code's, or, when values were refused (VALIDATION_FAILED), each
 * refused field's own code's (a query's errors name them in extensions.data.fields).
 */
export function useApiErrorText(): (error: ApiError) => string {
  const text = useErrorText();
  return useCallback((error) => displayCodes(error).map(text).join(' '), [text]);
}
