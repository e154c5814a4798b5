import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { canImport } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { ImportForm } from './ImportForm';
import { ImportReports } from './ImportReports';
import { ImportKindsQuery } from './queries';

/** Imports of public data (communes, contours, results, indicators…), for holders of ENTER_RESULTS nationally. */
export function ImportsPage() {
  const { t } = useTranslation();
  const { viewer, loading: viewerLoading } = useViewer();
  const allowed = viewer ? canImport(viewer) : false;
  useDocumentTitle(t('imports.title'));

  return (
    <section className="page imports-page" data-testid="imports-page">
      <PageHeading>{t('imports.title')}</PageHeading>
      {!viewer && viewerLoading && <p role="status">{t('common.loading')}</p>}
      {viewer && !allowed && (
        <p className="notice" role="alert" data-testid="imports-forbidden">
          {t('imports.forbidden')}
        </p>
      )}
      {allowed && <Imports />}
    </section>
  );
}

function Imports() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(ImportKindsQuery, {});
  const [version, setVersion] = useState(0);
  const finished = useCallback(() => setVersion((v) => v + 1), []);
  return (
    <>
      <p className="muted">{t('imports.intro')}</p>
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {error && <ErrorMessage error={error} />}
      {data && <ImportForm kinds={data.importKinds} onFinished={finished} />}
      <ImportReports version={version} />
    </>
  );
}
