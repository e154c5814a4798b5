import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useAuth } from '../auth/AuthContext';
import { clearFieldData } from '../canvass/offlineStore';
import { holdsRights } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { EraseForm } from './EraseForm';
import { PersonalDataDownload } from './PersonalDataDownload';

/** What Coopol keeps about a person, in plain words (the download's tables, grouped). */
const HELD = ['identity', 'membership', 'consents', 'roles', 'actions', 'canvassing', 'messages', 'log'] as const;

/**
 * "My data" (/me/data): what Coopol holds about the viewer, where to correct it, the download of all of it, and its
 * erasure (the word ERASE typed first); after erasing, the account has no person any more: the viewer is signed out.
 */
export function MyDataPage() {
  const { t } = useTranslation();
  const { viewer, loading, error } = useViewer();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  useDocumentTitle(t('privacy.myData.title'));

  if (!viewer) {
    if (error) return <ErrorMessage error={error} />;
    return loading ? <p role="status">{t('common.loading')}</p> : null;
  }
  const person = viewer.person;
  // Where the person changes their details and consents: their home page, or their page for those who land elsewhere.
  const profile = person && holdsRights(viewer) ? `/people/${encodeURIComponent(person.id)}` : '/';

  async function erased() {
    // Door reports waiting on this phone were the erased person's: they go too, as on signing out.
    await clearFieldData().catch(() => undefined);
    // The account has no person any more: signed out, the sign-in page says the data is gone.
    signOut({ erased: true });
    navigate('/signin', { replace: true });
  }

  return (
    <article className="page my-data" aria-labelledby="my-data-title" data-testid="my-data-page">
      <PageHeading id="my-data-title">{t('privacy.myData.title')}</PageHeading>
      <p className="lead">{t('privacy.myData.intro')}</p>
      {!person ? (
        <p className="notice" data-testid="my-data-no-person">
          {t('privacy.myData.noPerson')}
        </p>
      ) : (
        <>
          <section aria-labelledby="my-data-held-title">
            <h2 id="my-data-held-title">{t('privacy.myData.heldTitle')}</h2>
            <ul className="held" data-testid="my-data-held">
              {HELD.map((k) => (
                <li key={k}>{t(`privacy.myData.held.${k}`)}</li>
              ))}
            </ul>
            <p>
              {t('privacy.myData.correct')}{' '}
              <Link to={profile} data-testid="my-data-profile-link">
                {t('privacy.myData.correctLink')}
              </Link>
            </p>
          </section>

          <section className="card" aria-labelledby="my-data-download-title" data-testid="my-data-download-panel">
            <h2 id="my-data-download-title">{t('privacy.myData.downloadTitle')}</h2>
            <p>{t('privacy.myData.downloadText')}</p>
            <PersonalDataDownload label={t('privacy.myData.download')} testId="my-data-download" />
          </section>

          <section className="card danger-zone" aria-labelledby="my-data-erase-title" data-testid="my-data-erase">
            <h2 id="my-data-erase-title">{t('privacy.myData.eraseTitle')}</h2>
            <p className="warning">
              <strong>{t('privacy.myData.eraseWarning')}</strong>
            </p>
            <p>{t('privacy.myData.eraseWhat')}</p>
            <p>{t('privacy.myData.eraseAfter')}</p>
            <p className="hint">{t('privacy.myData.eraseInstead')}</p>
            <EraseForm submitLabel={t('privacy.myData.eraseSubmit')} onErased={() => void erased()} />
          </section>
        </>
      )}
    </article>
  );
}
