import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/hooks';
import type { DelegationFieldsFragment } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { PageHeading } from '../../ui/PageHeading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DelegationList } from './DelegationList';
import { GrantDelegationForm } from './GrantDelegationForm';
import { SectionDelegationsQuery } from './queries';
import { RevokeDialog } from './RevokeDialog';

export function DelegationsPage() {
  const { t } = useTranslation();
  const { id: sectionId = '' } = useParams();
  const [includeInactive, setIncludeInactive] = useState(false);
  const { data, error, loading, refetch } = useQuery(SectionDelegationsQuery, { sectionId, includeInactive });
  const [revoking, setRevoking] = useState<DelegationFieldsFragment | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const revokedRef = useRef<HTMLParagraphElement>(null);

  const section = data?.section ?? null;
  const delegations = (data?.delegations.items ?? []).flatMap((d) => (d ? [d] : []));
  const title = section ? t('delegations.title', { section: section.name }) : t('delegations.titleNoSection');
  useDocumentTitle(data || !loading ? title : null);

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;

  return (
    <div className="page delegations" data-testid="delegations-page">
      {section && (
        <p className="breadcrumb">
          <Link to={`/sections/${encodeURIComponent(section.id)}`}>← {section.name}</Link>
        </p>
      )}
      <PageHeading>{title}</PageHeading>
      {error && <ErrorMessage error={error} />}
      {!section && !error && !loading && (
        <p className="notice" role="alert">
          {t('section.notFound')}
        </p>
      )}

      {data && (
        <>
          <label className="inline">
            <input
              type="checkbox"
              checked={includeInactive}
              onChange={(e) => setIncludeInactive(e.target.checked)}
              data-testid="delegations-include-inactive"
            />
            {t('delegations.includeInactive')}
          </label>
          {revoked && (
            <p ref={revokedRef} className="success" role="status" tabIndex={-1} data-testid="delegation-revoked">
              {t('delegations.revoked', { name: revoked })}
            </p>
          )}
          {delegations.length === 0 ? (
            <p data-testid="delegations-empty">{t('delegations.empty')}</p>
          ) : (
            <DelegationList
              delegations={delegations}
              onRevoke={(d) => {
                setRevoked(null);
                setRevoking(d);
              }}
            />
          )}
          {revoking && (
            <RevokeDialog
              delegation={revoking}
              onClose={() => setRevoking(null)}
              onRevoked={() => {
                setRevoking(null);
                setRevoked(revoking.grantee?.displayName ?? t('delegations.someone'));
                // The Revoke button that opened the dialog is gone: the outcome takes focus instead.
                setTimeout(() => revokedRef.current?.focus(), 0);
                refetch();
              }}
            />
          )}
          {section && <GrantDelegationForm sectionId={section.id} grantable={section.delegablePermissions} onGranted={refetch} />}
        </>
      )}
    </div>
  );
}
