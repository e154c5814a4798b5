import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../layout/ErrorMessage';
import { SectionPeople } from '../sections/SectionPeople';
import { federationCodes, hasNationalGrant, homeSectionId } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { SectionPicker } from './SectionPicker';

/** "My section": the section of the viewer's first section-level grant, else their own section. */
export function HomePage() {
  const { t } = useTranslation();
  const { viewer, loading, error } = useViewer();

  if (!viewer) {
    if (error) return <ErrorMessage error={error} />;
    return loading ? <p role="status">{t('common.loading')}</p> : null;
  }

  const sectionId = homeSectionId(viewer);
  const national = hasNationalGrant(viewer);
  const codes = federationCodes(viewer);
  const wide = national || codes.length > 0;

  return (
    <div className="page home" data-testid="home-page">
      {wide && <SectionPicker national={national} federationCodes={codes} currentSectionId={sectionId} />}
      {sectionId ? (
        <SectionPeople key={sectionId} sectionId={sectionId} />
      ) : (
        <p className="notice" data-testid="no-section">
          {wide ? t('home.chooseSection') : t('home.noSection')}
        </p>
      )}
    </div>
  );
}
