import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/hooks';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { canImportMembers } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { importScopes } from './membership';
import { MembershipHistory } from './MembershipHistory';
import { MembershipWizard, type MembershipScope } from './MembershipWizard';
import { MembershipScopesQuery } from './queries';

/** The membership file import, for those who manage the people of a federation (its secretary) or of the party. */
export function MembershipImportPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const allowed = viewer ? canImportMembers(viewer) : false;
  useDocumentTitle(t('membership.title'));

  return (
    <section className="page membership-page" data-testid="membership-page">
      <PageHeading>{t('membership.title')}</PageHeading>
      {!viewer && loading && <p role="status">{t('common.loading')}</p>}
      {viewer && !allowed && (
        <p className="notice" role="alert" data-testid="membership-forbidden">
          {t('membership.forbidden')}
        </p>
      )}
      {allowed && <MembershipImport />}
    </section>
  );
}

function MembershipImport() {
  const { t } = useTranslation();
  const { data, error, loading } = useQuery(MembershipScopesQuery, {});
  const scopes = useMemo<MembershipScope[]>(() => {
    const found = importScopes(data?.me?.grants.items ?? []);
    return [
      ...(found.national ? [{ key: 'FR', id: null, label: t('membership.wholeParty') }] : []),
      ...found.federations.map((f) => ({ key: f.code, id: f.id, label: t('membership.federation', { name: f.name, code: f.code }) })),
    ];
  }, [data, t]);
  const [scopeKey, setScopeKey] = useState<string | null>(null);
  const scope = scopes.find((s) => s.key === scopeKey) ?? scopes[0] ?? null;
  // A run that ends is new in the history: read it again from its first page.
  const [version, setVersion] = useState(0);
  const finished = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <>
      <p className="muted">{t('membership.intro')}</p>
      {loading && !data && <p role="status">{t('common.loading')}</p>}
      {error && <ErrorMessage error={error} />}
      {data && !scope && (
        <p className="notice" role="alert" data-testid="membership-forbidden">
          {t('membership.forbidden')}
        </p>
      )}
      {scope && (
        <>
          <MembershipWizard scope={scope} scopes={scopes} onScope={setScopeKey} onFinished={finished} />
          <MembershipHistory key={`${scope.key}-${version}`} scopeId={scope.id} scopeLabel={scope.label} />
        </>
      )}
    </>
  );
}
