import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { SectionArrival } from '../privacy/OnRequestPanel';
import { SectionPeople } from './SectionPeople';

export function SectionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // Back from a person whose data was erased on their request.
  const erasedRows = (useLocation().state as SectionArrival)?.erasedRows;
  const notice =
    erasedRows != null ? (
      <p className="success" role="status" data-testid="person-erased">
        {t('privacy.onRequest.erased', { count: erasedRows })}
      </p>
    ) : undefined;
  return (
    <div className="page">
      <SectionPeople key={id} sectionId={id} intro={notice} />
    </div>
  );
}
