import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
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
