import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { executeGraphQL } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { PayloadError } from '../../api/mutationErrors';
import type { ConfirmVisitorSignupMutation as ConfirmResult } from '../../gql/graphql';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ActionErrors } from './ActionErrors';
import { formatWhen } from './actionTime';
import { ConfirmVisitorSignupMutation } from './queries';

type Joined = NonNullable<ConfirmResult['confirmVisitorSignup']['joined']>;

type Outcome = { joined: Joined } | { errors: PayloadError[]; error?: ApiError };

// A token works once: the request is made once per token and page load, however often the page mounts (React's
// StrictMode mounts it twice in development; Back and forth on the page would otherwise use the link up).
const confirmations = new Map<string, Promise<Outcome>>();

function confirmOnce(token: string): Promise<Outcome> {
  let pending = confirmations.get(token);
  if (!pending) {
    pending = executeGraphQL(ConfirmVisitorSignupMutation, { token }).then(
      (result): Outcome => {
        const payload = result.data?.confirmVisitorSignup;
        if (result.error || !payload) return { errors: [], error: result.error ?? new ApiError('No answer', [{ message: 'No answer', extensions: { code: 'HTTP' } }]) };
        if (payload.errors.length || !payload.joined) return { errors: payload.errors };
        return { joined: payload.joined };
      },
      (cause: unknown): Outcome => ({
        errors: [],
        error: cause instanceof ApiError ? cause : new ApiError(String(cause), [{ message: String(cause), extensions: { code: 'NETWORK' } }]),
      }),
    );
    confirmations.set(token, pending);
  }
  return pending;
}

/** No answer came back (network, server down): the link may still work, so it can be tried again. */
function unanswered(o: Outcome): boolean {
  return 'errors' in o && !o.errors.length && !!o.error && (o.error.hasCode('NETWORK') || o.error.hasCode('HTTP'));
}

/** Forgets the tokens already sent (tests only). */
export function forgetConfirmations(): void {
  confirmations.clear();
}

/**
 * The page a visitor's confirmation link opens (`/actions/confirm?token=…`, no sign-in). The sign-up is confirmed only
 * when the visitor presses the button: mail scanners open links (and run their scripts), and must not confirm for
 * someone. Then the page says the place they got (or the waiting list), or why the link no longer works.
 */
export function ConfirmSignupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t('actions.confirm.title'));

  useEffect(() => {
    if (!token || attempt === 0) return;
    let live = true;
    void confirmOnce(token).then((o) => {
      if (live) setOutcome(o);
    });
    return () => {
      live = false;
    };
  }, [token, attempt]);

  function retry() {
    confirmations.delete(token);
    setOutcome(null);
    setAttempt((a) => a + 1);
  }

  let body;
  if (!token) {
    body = (
      <p className="error" role="alert" data-testid="confirm-error" data-code="INVALID_TOKEN">
        {t('errorCode.INVALID_TOKEN')}
      </p>
    );
  } else if (attempt === 0) {
    body = (
      <div data-testid="confirm-ask">
        <p>{t('actions.confirm.ask')}</p>
        <button type="button" className="big" onClick={() => setAttempt(1)} data-testid="confirm-submit">
          {t('actions.confirm.submit')}
        </button>
      </div>
    );
  } else if (!outcome) {
    body = (
      <p role="status" data-testid="confirm-pending">
        {t('actions.confirm.pending')}
      </p>
    );
  } else if ('joined' in outcome) {
    const { action, status } = outcome.joined;
    const waiting = status === 'WAITING';
    body = (
      <div className={`card confirm-result ${waiting ? 'notice' : 'success'}`} role="status" data-testid="confirm-result" data-status={status ?? ''}>
        <p className="confirm-status">
          <strong>{waiting ? t('actions.confirm.waiting') : t('actions.confirm.confirmed')}</strong>
        </p>
        <h2 data-testid="confirm-action-title">{action.title}</h2>
        <p>
          <time dateTime={action.startsAt} data-testid="confirm-action-when">
            {formatWhen(action.startsAt, action.endsAt, action.timeZone)}
          </time>
        </p>
        <p className="hint">{waiting ? t('actions.confirm.waitingHint') : t('actions.confirm.confirmedHint')}</p>
        <p>
          <Link to={`/actions/${encodeURIComponent(action.id)}`} className="button-link big" data-testid="confirm-action-link">
            {t('actions.confirm.seeAction')}
          </Link>
        </p>
      </div>
    );
  } else {
    const code = outcome.errors[0]?.code ?? outcome.error?.primaryCode ?? 'HTTP';
    body = (
      <div data-testid="confirm-error" data-code={code}>
        <ActionErrors errors={outcome.errors} error={outcome.error} testId="confirm-errors" />
        {code === 'INVALID_TOKEN' && <p className="hint">{t('actions.confirm.invalidHint')}</p>}
        {unanswered(outcome) && (
          <button type="button" className="big" onClick={retry} data-testid="confirm-retry">
            {t('actions.confirm.retry')}
          </button>
        )}
      </div>
    );
  }

  return (
    <section className="page confirm-page" data-testid="confirm-page">
      <PageHeading>{t('actions.confirm.title')}</PageHeading>
      {body}
      <p>
        <Link to="/actions" data-testid="confirm-find-actions">
          {t('actions.near.title')}
        </Link>
      </p>
    </section>
  );
}
