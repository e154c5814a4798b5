import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from './AuthContext';
import { fetchDevUsers, requestDevToken, type DevUsersResult } from './devAuth';

type LoadState = { status: 'loading' } | { status: 'error' } | DevUsersResult;

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn, sessionEnded, erased } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  const [signInFailed, setSignInFailed] = useState(false);
  useDocumentTitle(t('signin.title'));

  useEffect(() => {
    const controller = new AbortController();
    fetchDevUsers(controller.signal).then(
      (result) => setLoad(result),
      () => {
        if (!controller.signal.aborted) setLoad({ status: 'error' });
      },
    );
    return () => controller.abort();
  }, []);

  async function choose(email: string) {
    setPendingEmail(email);
    setSignInFailed(false);
    try {
      const token = await requestDevToken(email);
      signIn(token);
      navigate(from && from !== '/signin' ? from : '/', { replace: true });
    } catch {
      setSignInFailed(true);
      setPendingEmail(null);
    }
  }

  return (
    <section className="page signin" aria-labelledby="signin-title" data-testid="signin-page">
      <PageHeading id="signin-title">{t('signin.title')}</PageHeading>
      {erased && (
        <p className="success" role="status" data-testid="signin-erased">
          {t('signin.erased')}
        </p>
      )}
      {sessionEnded && (
        <p className="notice" role="status" data-testid="session-ended">
          {t('signin.sessionEnded')}
        </p>
      )}
      {load.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {load.status === 'error' && (
        <p className="error" role="alert">
          {t('signin.loadFailed')}
        </p>
      )}
      {load.status === 'disabled' && (
        <p className="notice" role="alert" data-testid="dev-signin-disabled">
          {t('signin.disabled')}
        </p>
      )}
      {load.status === 'enabled' && (
        <>
          <p className="muted">{t('signin.devIntro')}</p>
          {load.users.length === 0 ? (
            <p>{t('signin.noUsers')}</p>
          ) : (
            <ul className="dev-users" data-testid="dev-users">
              {load.users.map((user) => (
                <li key={user.email}>
                  <button
                    type="button"
                    className="dev-user"
                    data-testid="dev-user"
                    data-email={user.email}
                    disabled={pendingEmail !== null}
                    onClick={() => void choose(user.email)}
                  >
                    <span className="dev-user-name">{user.displayName}</span>
                    <span className="dev-user-email">{user.email}</span>
                    <span className="dev-user-description">{user.description}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {pendingEmail && <p role="status">{t('signin.signingIn')}</p>}
          {signInFailed && (
            <p className="error" role="alert" data-testid="signin-error">
              {t('signin.failed')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
