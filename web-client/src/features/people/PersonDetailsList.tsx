import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonDetailsFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { PhoneLink } from '../../ui/PhoneLink';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** A person's details, for those who see them (Person.viewerSeesDetails). */
export function PersonDetailsList({ person }: { person: PersonDetailsFieldsFragment }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('common.none')}</span>;
  const a = person.address;
  const tags = person.tags ?? [];
  return (
    <dl className="details">
      <Row label={t('person.fields.kind')} testId="person-kind">
        {t(`kind.${person.kind}`)}
      </Row>
      <Row label={t('person.fields.email')} testId="person-email">
        {person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : none}
      </Row>
      <Row label={t('person.fields.phone')} testId="person-phone">
        {person.phone ? <PhoneLink phone={person.phone} /> : none}
      </Row>
      <Row label={t('person.fields.address')} testId="person-address">
        {a ? (
          <address>
            {a.line1}
            {a.line2 && (
              <>
                <br />
                {a.line2}
              </>
            )}
            <br />
            {a.postalCode} {a.city}
            <br />
            {a.country}
          </address>
        ) : (
          none
        )}
      </Row>
      {person.location && (
        <Row label={t('person.fields.location')} testId="person-location">
          {person.location.latitude.toFixed(5)}, {person.location.longitude.toFixed(5)}
        </Row>
      )}
      <Row label={t('person.fields.tags')} testId="person-tags">
        {tags.length ? (
          <ul className="tags">
            {tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Row>
      <Row label={t('person.fields.profileVisibility')} testId="person-visibility">
        {person.profileVisibility ? t(`visibility.${person.profileVisibility}`) : none}
      </Row>
      <Row label={t('person.fields.section')} testId="person-section">
        <Link to={`/sections/${encodeURIComponent(person.section.id)}`}>{person.section.name}</Link>{' '}
        <span className="muted">
          ({person.section.federation.code} · {person.section.federation.name})
        </span>
      </Row>
      <Row label={t('person.fields.createdAt')} testId="person-created-at">
        {formatDateTime(person.createdAt)}
      </Row>
      <Row label={t('person.fields.updatedAt')} testId="person-updated-at">
        {formatDateTime(person.updatedAt)}
      </Row>
    </dl>
  );
}
