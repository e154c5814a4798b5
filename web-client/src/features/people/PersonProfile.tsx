import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonDetailsFieldsFragment } from '../../gql/graphql';
import { PageHeading } from '../../ui/PageHeading';
import { OnRequestPanel } from '../privacy/OnRequestPanel';
import { AccessLog } from './AccessLog';
import { ConsentsPanel } from './ConsentsPanel';
import { EditPersonForm } from './EditPersonForm';
import { PersonDetailsList } from './PersonDetailsList';
import { PersonGrants } from './PersonGrants';

interface Props {
  person: PersonDetailsFieldsFragment;
  /** The person as a mutation answered it: the page shows it without reading the person again. */
  onChange: (person: PersonDetailsFieldsFragment) => void;
  /** Shown under the heading (the home page's invitations). */
  intro?: ReactNode;
}

/** A person's page: on /people/:id, and the home page of members and supporters (their own). */
export function PersonProfile({ person, onChange, intro }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // A manager of their section changes everything; the person changes their own details.
  const editMode = person.viewerCanManage ? 'edit' : person.isViewer ? 'self' : null;
  const grants = (person.grants?.items ?? []).flatMap((g) => (g ? [g] : []));

  return (
    <article className="page person" aria-labelledby="person-title" data-testid="person-page">
      {!person.isViewer && (
        <p className="breadcrumb">
          <Link to={`/sections/${encodeURIComponent(person.section.id)}`}>← {person.section.name}</Link>
        </p>
      )}
      <div className="page-heading">
        <div>
          <PageHeading id="person-title" data-testid="person-name">
            {person.displayName}
          </PageHeading>
          <p className="muted">
            {t(`kind.${person.kind}`)} · {person.section.name}
          </p>
        </div>
        {editMode && person.viewerSeesDetails && !editing && (
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
            data-testid="person-edit-open"
          >
            {editMode === 'self' ? t('personForm.editSelfOpen') : t('personForm.editOpen')}
          </button>
        )}
      </div>
      {saved && (
        <p className="success" role="status" data-testid="person-edit-saved">
          {t('personForm.saved')}
        </p>
      )}
      {intro}
      {editMode && editing && (
        <EditPersonForm
          person={person}
          mode={editMode}
          onSaved={(updated) => {
            setEditing(false);
            setSaved(!!updated);
            if (updated) onChange(updated);
          }}
          onCancel={() => setEditing(false)}
        />
      )}

      {person.viewerSeesDetails ? (
        <PersonDetailsList person={person} />
      ) : (
        <p className="notice" data-testid="person-name-only">
          {t('person.nameOnly', { name: person.firstName })}
        </p>
      )}

      {person.consents && <ConsentsPanel person={person} onChange={(consents) => onChange({ ...person, ...consents })} />}
      {person.grants && <PersonGrants grants={grants} isViewer={person.isViewer} />}
      {person.accessLog && <AccessLog log={person.accessLog} isViewer={person.isViewer} />}
      {person.isViewer ? (
        <section className="my-data-link" aria-labelledby="my-data-link-title" data-testid="my-data-section">
          <h2 id="my-data-link-title">{t('privacy.myData.title')}</h2>
          <p>
            {t('privacy.profileLink.text')}{' '}
            <Link to="/me/data" data-testid="my-data-link">
              {t('privacy.profileLink.link')}
            </Link>
          </p>
        </section>
      ) : (
        person.viewerCanManage && <OnRequestPanel person={person} />
      )}
    </article>
  );
}
