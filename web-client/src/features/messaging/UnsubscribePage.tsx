import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** The one-click address the API answers (RFC 8058): a POST unsubscribes, nothing else does. */
export function unsubscribeUrl(token: string): string {
  return `/messaging/unsubscribe/${encodeURIComponent(token)}`;
}

type Phase = 'ask' | 'sending' | 'done' | 'invalid' | 'failed';

/**
 * The page a newsletter's unsubscribe link opens (`/unsubscribe/:token`, no sign-in). Opening it changes nothing: mail
 * scanners open links, and must not unsubscribe anyone; the person's button does.
 */
export function UnsubscribePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>(token.trim() ? 'ask' : 'invalid');
  const [failure, setFailure] = useState<'NETWORK' | 'HTTP'>('HTTP');
  useDocumentTitle(t('messaging.unsubscribe.title'));

  async function unsubscribe() {
    setPhase('sending');
    try {
      const response = await fetch(unsubscribeUrl(token), { method: 'POST' });
      setFailure('HTTP');
      setPhase(response.ok ? 'done' : response.status === 404 || response.status === 400 ? 'invalid' : 'failed');
    } catch {
      setFailure('NETWORK');
      setPhase('failed');
    }
  }

  return (
    <section className="page unsubscribe-page" data-testid="unsubscribe-page" data-phase={phase}>
      <PageHeading>{t('messaging.unsubscribe.title')}</PageHeading>
      {phase === 'done' ? (
        <p className="success" role="status" data-testid="unsubscribe-done">
          {t('messaging.unsubscribe.done')}
        </p>
      ) : phase === 'invalid' ? (
        <p className="error" role="alert" data-testid="unsubscribe-invalid">
          {t('messaging.unsubscribe.invalid')}
        </p>
      ) : (
        <>
          <p>{t('messaging.unsubscribe.explain')}</p>
          <p className="hint">{t('messaging.unsubscribe.other')}</p>
          {phase === 'failed' && (
            <p className="error" role="alert" data-testid="unsubscribe-failed" data-code={failure}>
              {t(`errorCode.${failure}`)}
            </p>
          )}
          <button type="button" className="big" onClick={() => void unsubscribe()} disabled={phase === 'sending'} data-testid="unsubscribe-submit">
            {phase === 'sending' ? t('messaging.unsubscribe.sending') : t('messaging.unsubscribe.button')}
          </button>
        </>
      )}
    </section>
  );
}
