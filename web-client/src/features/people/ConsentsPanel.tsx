import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonConsentsFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../i18n/format';
import { ConsentForm } from './ConsentForm';
import { ConsentHistory } from './ConsentHistory';
import { CONSENT_KINDS, consentKey } from './consents';

type Consent = NonNullable<PersonConsentsFieldsFragment['consents']>[number];

interface Props {
  person: PersonConsentsFieldsFragment & { displayName: string; isViewer: boolean; viewerCanManage: boolean };
  onChange: (consents: PersonConsentsFieldsFragment) => void;
}

function ConsentValue({ consent }: { consent: Consent | undefined }) {
  const { t } = useTranslation();
  if (!consent?.method || !consent.at) return <span className="muted">{t('consent.never')}</span>;
  return (
    <span>
      {consent.granted ? t('consent.given') : t('consent.withdrawn')}
      {' · '}
      {t(`consentMethod.${consent.method}`)}
      {' · '}
      <time dateTime={consent.at}>{formatDateTime(consent.at)}</time>
    </span>
  );
}

/** A person's consents: their current value (how and when it was given), the ledger, and, for those allowed, a form. */
export function ConsentsPanel({ person, onChange }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const consents = person.consents ?? [];
  const byKey = new Map(consents.map((c) => [consentKey(c), c]));
  // The person records their own; a manager of their section records what they said on paper or orally.
  const canEdit = person.isViewer || person.viewerCanManage;

  return (
    <section aria-labelledby="consents-title" data-testid="consents-panel">
      <div className="section-heading">
        <h2 id="consents-title">{t('consent.title')}</h2>
        {canEdit && !editing && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSaved(null);
              setEditing(true);
            }}
            data-testid="consents-edit-open"
          >
            {person.isViewer ? t('consent.editSelf') : t('consent.edit')}
          </button>
        )}
      </div>
      {saved !== null && (
        <p className="success" role="status" data-testid="consents-saved">
          {saved ? t('consent.saved', { count: saved }) : t('consent.unchanged')}
        </p>
      )}
      {editing ? (
        <ConsentForm
          person={{ ...person, consents }}
          onRecorded={onChange}
          onDone={(count) => {
            setEditing(false);
            setSaved(count);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="details" data-testid="person-consents">
          {CONSENT_KINDS.map((kind) => {
            const consent = byKey.get(consentKey(kind));
            return (
              <div
                key={consentKey(kind)}
                className="details-row"
                data-testid="person-consent"
                data-purpose={kind.purpose}
                data-channel={kind.channel}
                data-granted={consent?.granted ?? false}
              >
                <dt>{t(`consent.kinds.${kind.purpose}.${kind.channel}`)}</dt>
                <dd>
                  <ConsentValue consent={consent} />
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {person.consentHistory && <ConsentHistory history={person.consentHistory} />}
    </section>
  );
}
