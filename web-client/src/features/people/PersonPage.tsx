import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PersonProfile } from './PersonProfile';

/** Opening a person is written to their access log (by the API). */
export const PersonDetails = graphql(`
  query PersonDetails($id: ID!) {
    person(id: $id) {
      ...PersonDetailsFields
    }
  }
`);

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading, setData } = useQuery(PersonDetails, { id });
  const person = data?.person;
  useDocumentTitle(person ? person.displayName : loading ? null : t('person.notFoundTitle'));

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  if (!person) {
    return (
      <div className="page">
        <PageHeading>{t('person.notFoundTitle')}</PageHeading>
        {error && !error.hasCode('PERSON_NOT_FOUND') && !error.hasCode('NOT_FOUND') ? (
          <ErrorMessage error={error} />
        ) : (
          <p className="notice" role="alert" data-testid="person-not-found">
            {t('person.notFound')}
          </p>
        )}
      </div>
    );
  }
  return <PersonProfile key={person.id} person={person} onChange={(updated) => setData({ person: updated })} />;
}
