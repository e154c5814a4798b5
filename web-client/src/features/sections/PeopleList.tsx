import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PersonRowFieldsFragment } from '../../gql/graphql';
import { PhoneLink } from '../../ui/PhoneLink';
import { useIsPhone } from '../../ui/useMediaQuery';

type Row = PersonRowFieldsFragment;

function personPath(id: string): string {
  return `/people/${encodeURIComponent(id)}`;
}

function Tags({ tags }: { tags: readonly string[] | null | undefined }) {
  if (!tags?.length) return null;
  return (
    <ul className="tags">
      {tags.map((tag) => (
        <li key={tag} className="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** On a phone: one card per person, the phone number a tap-to-call link. */
function PeopleCards({ people, caption }: { people: Row[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <ul className="cards" aria-label={caption} data-testid="people-cards">
      {people.map((person) => (
        <li key={person.id} className="card-item" data-testid="person-row" data-person-id={person.id}>
          <div className="card-title">
            <Link to={personPath(person.id)} data-testid="person-link">
              {person.displayName}
            </Link>
            <span className="muted">{t(`kind.${person.kind}`)}</span>
          </div>
          {person.viewerSeesDetails ? (
            <>
              {person.phone && <PhoneLink phone={person.phone} testId="person-tel" />}
              {person.email && <span className="email">{person.email}</span>}
              <Tags tags={person.tags} />
            </>
          ) : (
            <span className="muted">{t('people.nameOnly')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** At a desk: a table, a click anywhere on a row opens the person. */
function PeopleTable({ people, caption }: { people: Row[]; caption: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <table className="data-table" data-testid="people-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('people.columns.name')}</th>
          <th scope="col">{t('people.columns.kind')}</th>
          <th scope="col">{t('people.columns.email')}</th>
          <th scope="col">{t('people.columns.phone')}</th>
          <th scope="col">{t('people.columns.tags')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr
            key={person.id}
            className="clickable"
            data-testid="person-row"
            data-person-id={person.id}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              navigate(personPath(person.id));
            }}
          >
            <td>
              <Link to={personPath(person.id)} data-testid="person-link">
                {person.displayName}
              </Link>
            </td>
            <td>{t(`kind.${person.kind}`)}</td>
            {person.viewerSeesDetails ? (
              <>
                <td className="email">{person.email}</td>
                <td>{person.phone && <PhoneLink phone={person.phone} testId="person-tel" />}</td>
                <td>
                  <Tags tags={person.tags} />
                </td>
              </>
            ) : (
              <td colSpan={3} className="muted">
                {t('people.nameOnly')}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PeopleList({ people, sectionName }: { people: Row[]; sectionName: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const caption = t('people.caption', { section: sectionName });
  return isPhone ? <PeopleCards people={people} caption={caption} /> : <PeopleTable people={people} caption={caption} />;
}
