import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EraseForm } from './EraseForm';
import { PersonalDataDownload } from './PersonalDataDownload';

/** What the section's people list says after an organizer erased someone there. */
export type SectionArrival = { erasedRows?: number } | null;

interface Props {
  person: { id: string; firstName: string; section: { id: string } };
}

/**
 * On a person's page, for those who manage their section: their data downloaded or erased, on their request (the
 * download is written to their access log, the erasure to the record of erasures). Erasing asks for the word ERASE,
 * then goes back to the section's people.
 */
export function OnRequestPanel({ person }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [erasing, setErasing] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);

  return (
    <section className="card on-request" aria-labelledby="on-request-title" data-testid="on-request">
      <h2 id="on-request-title">{t('privacy.onRequest.title')}</h2>
      <p className="hint">{t('privacy.onRequest.hint', { name: person.firstName })}</p>
      <p>{t('privacy.onRequest.downloadHint')}</p>
      <PersonalDataDownload personId={person.id} label={t('privacy.onRequest.download')} testId="person-data-download" secondary />
      {!erasing ? (
        <button ref={openRef} type="button" className="danger" onClick={() => setErasing(true)} data-testid="person-erase-open">
          {t('privacy.onRequest.erase')}
        </button>
      ) : (
        <div className="erase-box" data-testid="person-erase">
          <h3>{t('privacy.onRequest.erase')}</h3>
          <p className="warning">
            <strong>{t('privacy.onRequest.eraseWarning')}</strong>
          </p>
          <p>{t('privacy.onRequest.eraseWhat', { name: person.firstName })}</p>
          <p className="hint">{t('privacy.onRequest.eraseRoles')}</p>
          <EraseForm
            personId={person.id}
            submitLabel={t('privacy.onRequest.eraseSubmit')}
            autoFocus
            onCancel={() => {
              setErasing(false);
              requestAnimationFrame(() => openRef.current?.focus());
            }}
            onErased={(erasure) =>
              navigate(`/sections/${encodeURIComponent(person.section.id)}`, {
                replace: true,
                state: { erasedRows: erasure.rows } satisfies SectionArrival,
              })
            }
          />
        </div>
      )}
    </section>
  );
}
