import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import { graphql } from '../../gql';
import type { PersonDetailsQuery } from '../../gql/graphql';
import { formatDate, formatDateTime } from '../../i18n/format';
import { ErrorMessage } from '../layout/ErrorMessage';
import { PermissionList } from '../delegations/PermissionList';
import { canManagePeopleOn } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { EditPersonForm } from './EditPersonForm';

export const PersonDetails = graphql(`
  query PersonDetails($id: ID!) {
    person(id: $id) {
      id
      kind
      firstName
      lastName
      displayName
      email
      phone
      address {
        line1
        line2
        postalCode
        city
        country
      }
      location {
        latitude
        longitude
      }
      tags
      emailConsent {
        granted
        method
        recordedAt
      }
      smsConsent {
        granted
        method
        recordedAt
      }
      profileVisibility
      section {
        id
        name
        federation {
          code
          name
        }
      }
      grants {
        id
        role
        level
        permissions
        section {
          id
          name
        }
        federation {
          code
          name
        }
        grantedAt
        expiresAt
      }
      createdAt
      updatedAt
    }
  }
`);

type Person = NonNullable<PersonDetailsQuery['person']>;
type Consent = Person['emailConsent'];

function Field({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function ConsentText({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  if (!consent) return <span className="muted">{t('person.consent.none')}</span>;
  return (
    <span data-granted={consent.granted}>
      {consent.granted ? t('person.consent.granted') : t('person.consent.refused')}
      {' · '}
      {t(`consentMethod.${consent.method}`)}
      {' · '}
      <time dateTime={consent.recordedAt}>{formatDateTime(consent.recordedAt)}</time>
    </span>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(PersonDetails, { id });
  const { viewer } = useViewer();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;
  const person = data?.person;
  if (!person) {
    return (
      <div className="page">
        {error && !error.hasCode('NOT_FOUND') ? (
          <ErrorMessage error={error} />
        ) : (
          <p className="notice" role="alert" data-testid="person-not-found">
            {t('person.notFound')}
          </p>
        )}
      </div>
    );
  }

  const none = <span className="muted">{t('common.none')}</span>;
  const a = person.address;
  const canEdit = canManagePeopleOn(viewer, { id: person.section.id, federationCode: person.section.federation.code });

  return (
    <article className="page person" aria-labelledby="person-title" data-testid="person-page">
      <p className="breadcrumb">
        <Link to={`/sections/${encodeURIComponent(person.section.id)}`}>← {person.section.name}</Link>
      </p>
      <div className="page-heading">
        <h1 id="person-title" data-testid="person-name">
          {person.displayName}
        </h1>
        {canEdit && !editing && (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            data-testid="person-edit-open"
          >
            {t('personForm.editOpen')}
          </button>
        )}
      </div>
      {saved && (
        <p className="success" role="status" data-testid="person-edit-saved">
          {t('personForm.saved')}
        </p>
      )}
      {canEdit && editing && (
        <EditPersonForm
          person={person}
          onSaved={(changed) => {
            setEditing(false);
            setSaved(changed);
            if (changed) refetch();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <dl className="details">
        <Field label={t('person.fields.firstName')} testId="person-first-name">
          {person.firstName}
        </Field>
        <Field label={t('person.fields.lastName')} testId="person-last-name">
          {person.lastName}
        </Field>
        <Field label={t('person.fields.kind')} testId="person-kind">
          {t(`kind.${person.kind}`)}
        </Field>
        <Field label={t('person.fields.email')} testId="person-email">
          <a href={`mailto:${person.email}`}>{person.email}</a>
        </Field>
        <Field label={t('person.fields.phone')} testId="person-phone">
          {person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : none}
        </Field>
        <Field label={t('person.fields.address')} testId="person-address">
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
        </Field>
        {person.location && (
          <Field label={t('person.fields.location')} testId="person-location">
            {person.location.latitude.toFixed(5)}, {person.location.longitude.toFixed(5)}
          </Field>
        )}
        <Field label={t('person.fields.tags')} testId="person-tags">
          {person.tags.length ? (
            <ul className="tags">
              {person.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Field>
        <Field label={t('person.fields.emailConsent')} testId="person-email-consent">
          <ConsentText consent={person.emailConsent} />
        </Field>
        <Field label={t('person.fields.smsConsent')} testId="person-sms-consent">
          <ConsentText consent={person.smsConsent} />
        </Field>
        <Field label={t('person.fields.profileVisibility')} testId="person-visibility">
          {t(`visibility.${person.profileVisibility}`)}
        </Field>
        <Field label={t('person.fields.section')} testId="person-section">
          <Link to={`/sections/${encodeURIComponent(person.section.id)}`}>{person.section.name}</Link>{' '}
          <span className="muted">
            ({person.section.federation.code} · {person.section.federation.name})
          </span>
        </Field>
        <Field label={t('person.fields.createdAt')} testId="person-created-at">
          {formatDateTime(person.createdAt)}
        </Field>
        <Field label={t('person.fields.updatedAt')} testId="person-updated-at">
          {formatDateTime(person.updatedAt)}
        </Field>
      </dl>

      <h2>{t('person.grants.title')}</h2>
      {person.grants.length === 0 ? (
        <p data-testid="person-no-grants">{t('person.grants.none')}</p>
      ) : (
        <table className="data-table" data-testid="person-grants">
          <thead>
            <tr>
              <th scope="col">{t('person.grants.role')}</th>
              <th scope="col">{t('person.grants.scope')}</th>
              <th scope="col">{t('person.grants.permissions')}</th>
              <th scope="col">{t('person.grants.grantedAt')}</th>
              <th scope="col">{t('person.grants.expiresAt')}</th>
            </tr>
          </thead>
          <tbody>
            {person.grants.map((g) => (
              <tr key={g.id} data-testid="person-grant" data-role={g.role}>
                <td>{t(`role.${g.role}`)}</td>
                <td>
                  {g.level === 'NATIONAL'
                    ? t('level.NATIONAL')
                    : g.level === 'FEDERATION'
                      ? `${t('level.FEDERATION')} ${g.federation?.code ?? ''} · ${g.federation?.name ?? ''}`
                      : `${t('level.SECTION')} ${g.section?.name ?? ''}`}
                </td>
                <td>
                  <PermissionList permissions={g.permissions} />
                </td>
                <td>{formatDate(g.grantedAt)}</td>
                <td>{g.expiresAt ? formatDate(g.expiresAt) : t('common.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
