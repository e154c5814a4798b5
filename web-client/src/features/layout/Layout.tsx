import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { LANGUAGES, setLanguage, type Language } from '../../i18n';
import { NavigationFocusProvider, PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth/AuthContext';
import { clearFieldData, queuedReports } from '../canvass/offlineStore';
import { canImport, canImportMembers, canReviewField, canSeeOutbox, canSendMessages, canViewResults, holdsRights } from '../viewer/permissions';
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
  // Holders of rights land on a section; their own profile is one link away. Others' home is their profile.
  const ownProfile = viewer?.person && holdsRights(viewer) ? viewer.person : null;

  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('header.navigation')}>
          {token && (
            <NavLink to="/" end data-testid="nav-home">
              {t('header.home')}
            </NavLink>
          )}
          {ownProfile && (
            <NavLink to={`/people/${encodeURIComponent(ownProfile.id)}`} data-testid="nav-me">
              {t('header.myProfile')}
            </NavLink>
          )}
          {/* Open to visitors too: finding an action and joining it needs no account. */}
          <NavLink to="/actions" data-testid="nav-actions">
            {t('header.actionsNear')}
          </NavLink>
          {token && (
            <NavLink to="/me/actions" data-testid="nav-my-actions">
              {t('header.myActions')}
            </NavLink>
          )}
          {token && viewer && canViewResults(viewer) && (
            <>
              <NavLink to="/map" data-testid="nav-map">
                {t('header.map')}
              </NavLink>
              <NavLink to="/results" data-testid="nav-results">
                {t('header.results')}
              </NavLink>
            </>
          )}
          {token && viewer && canReviewField(viewer) && (
            <NavLink to="/review" data-testid="nav-review">
              {t('header.review')}
            </NavLink>
          )}
          {token && viewer && canSendMessages(viewer) && (
            <NavLink to="/messages" data-testid="nav-messages">
              {t('header.messages')}
            </NavLink>
          )}
          {token && viewer && canSeeOutbox(viewer) && (
            <NavLink to="/outbox" data-testid="nav-outbox">
              {t('header.outbox')}
            </NavLink>
          )}
          {token && viewer && canImportMembers(viewer) && (
            <NavLink to="/members/import" data-testid="nav-membership-import">
              {t('header.membershipImport')}
            </NavLink>
          )}
          {token && viewer && canImport(viewer) && (
            <NavLink to="/imports" data-testid="nav-imports">
              {t('header.imports')}
            </NavLink>
          )}
          {token && (
            <a href="/graphql/ide" data-testid="nav-graphiql">
              {t('header.graphiql')}
            </a>
          )}
        </nav>
        <div className="header-end">
          {token && viewer && (
            <span className="viewer" data-testid="viewer-name" title={viewer.email ?? undefined}>
              {viewer.person?.displayName ?? viewer.email}
            </span>
          )}
          <LanguageSwitch />
          {!token && (
            // A visitor who found an action may be a member: signing in is one tap away.
            <NavLink to="/signin" className="button-link secondary" data-testid="sign-in">
              {t('header.signIn')}
            </NavLink>
          )}
          {token && (
            <button
              type="button"
              className="secondary"
              data-testid="sign-out"
              onClick={() => {
                void (async () => {
                  // Door reports kept on the phone go with the person: the next one to sign in must not send them.
                  const waiting = (await queuedReports().catch(() => [])).length;
                  if (waiting > 0 && !window.confirm(t('header.signOutUnsent', { count: waiting }))) return;
                  await clearFieldData().catch(() => undefined);
                  signOut();
                  navigate('/signin', { replace: true });
                })();
              }}
            >
              {t('header.signOut')}
            </button>
          )}
        </div>
      </header>
      <main className="app-main">
        <NavigationFocusProvider>
          <Outlet />
        </NavigationFocusProvider>
      </main>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  );
}
