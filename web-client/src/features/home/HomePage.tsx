import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { Invitations } from '../me/Invitations';
import { MyHomePage } from '../me/MyHomePage';
import { SectionPeople } from '../sections/SectionPeople';
import { federationCodes, hasNationalGrant, holdsRights, homeSectionId } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { SectionSearch } from './SectionSearch';

/** Organizers land on a section's people (their first section-level grant, else their own section); others on their page. */
export function HomePage() {
  const { t } = useTranslation();
  const { viewer, loading, error } = useViewer();

  if (!viewer) {
    if (error) return <ErrorMessage error={error} />;
    return loading ? <p role="status">{t('common.loading')}</p> : null;
  }
  if (!holdsRights(viewer)) return <MyHomePage />;

  const sectionId = homeSectionId(viewer);
  const national = hasNationalGrant(viewer);
  const codes = federationCodes(viewer);
  const wide = national || codes.length > 0;

  // Under the section's heading: answers awaited from the viewer, then the way to other sections.
  const intro = (
    <>
      <Invitations showEmpty={false} />
      {wide && <SectionSearch national={national} federationCodes={codes} />}
    </>
  );
  return (
    <div className="page home" data-testid="home-page">
      {sectionId ? <SectionPeople key={sectionId} sectionId={sectionId} intro={intro} /> : <NoSection wide={wide} intro={intro} />}
    </div>
  );
}

function NoSection({ wide, intro }: { wide: boolean; intro: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(t('header.home'));
  return (
    <>
      <PageHeading>{t('header.home')}</PageHeading>
      <p className="notice" data-testid="no-section">
        {wide ? t('home.chooseSection') : t('home.noSection')}
      </p>
      {intro}
    </>
  );
}
