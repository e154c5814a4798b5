import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { useAuth } from '../auth/AuthContext';
import { useViewer } from '../viewer/ViewerContext';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage;
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((language: Language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={active === language}
          data-testid={`lang-${language}`}
          onClick={() => setLanguage(language)}
          title={t(`header.languages.${language}`)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { token, signOut } = useAuth();
  const { viewer } = useViewer();
  const navigate = useNavigate();

  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        {token && (
          <nav aria-label={t('header.navigation')}>
            <NavLink to="/" end data-testid="nav-home">
              {t('header.mySection')}
            </NavLink>
            <a href="/graphql/ide" data-testid="nav-graphiql">
              {t('header.graphiql')}
            </a>
          </nav>
        )}
        <div className="header-end">
          {token && viewer && (
            <span className="viewer" data-testid="viewer-name" title={viewer.email ?? undefined}>
              {viewer.person?.displayName ?? viewer.email}
            </span>
          )}
          <LanguageSwitch />
          {token && (
            <button
              type="button"
              className="secondary"
              data-testid="sign-out"
              onClick={() => {
                signOut();
                navigate('/signin', { replace: true });
              }}
            >
              {t('header.signOut')}
            </button>
          )}
        </div>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
