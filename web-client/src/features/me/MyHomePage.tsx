import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PersonProfile } from '../people/PersonProfile';
import { Invitations } from './Invitations';
import { MyProfileQuery } from './queries';

/**
 * The home of members and supporters, who hold no rights: their invitations to join a section, their profile,
 * their consents (which they change themselves) and who looked at their record.
 */
export function MyHomePage() {
  const { t } = useTranslation();
  const { data, error, loading, setData } = useQuery(MyProfileQuery, {});
  const person = data?.me?.person;
  useDocumentTitle(person ? person.displayName : loading ? null : t('me.title'));

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  return (
    <div className="page home" data-testid="my-home">
      {person ? (
        <PersonProfile
          person={person}
          onChange={(updated) => setData({ me: { person: updated } })}
          intro={<Invitations showEmpty />}
        />
      ) : (
        <>
          <PageHeading>{t('me.title')}</PageHeading>
          <Invitations showEmpty />
          {error ? (
            <ErrorMessage error={error} />
          ) : (
            <p className="notice" data-testid="no-person">
              {t('me.noPerson')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
