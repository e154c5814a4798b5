import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import { formatDate } from '../../i18n/format';
import { ErrorMessage } from '../layout/ErrorMessage';
import { delegablePermissionsOn } from '../viewer/permissions';
import { useViewer } from '../viewer/ViewerContext';
import { GeneralErrors } from './FieldErrors';
import { GrantDelegationForm } from './GrantDelegationForm';
import { PermissionList } from './PermissionList';
import { RevokeDelegationMutation, SectionDelegationsQuery } from './queries';

export function DelegationsPage() {
  const { t } = useTranslation();
  const { id: sectionId = '' } = useParams();
  const [includeInactive, setIncludeInactive] = useState(false);
  const { data, error, loading, refetch } = useQuery(SectionDelegationsQuery, { sectionId, includeInactive });
  const [revoke, revokeState] = useMutation(RevokeDelegationMutation);
  const [revokeErrors, setRevokeErrors] = useState<PayloadError[]>([]);
  const { viewer, loading: viewerLoading } = useViewer();

  const section = data?.section ?? null;
  const grantable =
    viewer && section ? delegablePermissionsOn(viewer.grants, { id: section.id, federationCode: section.federation.code }) : [];
  const delegations = (data?.delegations.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  async function onRevoke(id: string) {
    setRevokeErrors([]);
    const result = await revoke({ input: { delegationId: id } });
    if (!result) return;
    if (result.revokeDelegation.errors.length) {
      setRevokeErrors(result.revokeDelegation.errors);
      return;
    }
    refetch();
  }

  if (!data && loading) return <p role="status">{t('common.loading')}</p>;

  return (
    <div className="page delegations" data-testid="delegations-page">
      {section && (
        <p className="breadcrumb">
          <Link to={`/sections/${encodeURIComponent(section.id)}`}>← {section.name}</Link>
        </p>
      )}
      <h1>{t('delegations.title', { section: section?.name ?? '' })}</h1>
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
          <GeneralErrors errors={revokeErrors} testId="delegation-revoke-errors" />
          {revokeState.error && <ErrorMessage error={revokeState.error} />}
          {delegations.length === 0 ? (
            <p data-testid="delegations-empty">{t('delegations.empty')}</p>
          ) : (
            <table className="data-table" data-testid="delegations-table">
              <thead>
                <tr>
                  <th scope="col">{t('delegations.columns.grantee')}</th>
                  <th scope="col">{t('delegations.columns.permissions')}</th>
                  <th scope="col">{t('delegations.columns.grantedBy')}</th>
                  <th scope="col">{t('delegations.columns.expiresAt')}</th>
                  <th scope="col">{t('delegations.columns.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('delegations.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {delegations.map((d) => {
                  const grantee = d.grantee?.displayName ?? t('delegations.hiddenPerson');
                  return (
                    <tr
                      key={d.id}
                      data-testid="delegation-row"
                      data-delegation-id={d.id}
                      data-grantee-id={d.grantee?.id ?? ''}
                      data-permissions={d.permissions.join(' ')}
                      data-active={d.isActive}
                    >
                      <td>
                        {d.grantee ? <Link to={`/people/${encodeURIComponent(d.grantee.id)}`}>{grantee}</Link> : grantee}
                      </td>
                      <td>
                        <PermissionList permissions={d.permissions} />
                      </td>
                      <td>
                        {d.grantedBy?.displayName ?? t('delegations.hiddenPerson')}
                        <br />
                        <span className="muted">{formatDate(d.grantedAt)}</span>
                      </td>
                      <td>{d.expiresAt ? formatDate(d.expiresAt) : t('common.never')}</td>
                      <td>
                        {d.isActive
                          ? t('delegations.status.active')
                          : d.revokedAt
                            ? t('delegations.status.revoked', { date: formatDate(d.revokedAt) })
                            : t('delegations.status.expired')}
                      </td>
                      <td>
                        {d.isActive && (
                          <button
                            type="button"
                            className="danger"
                            aria-label={t('delegations.revokeOf', { name: grantee })}
                            disabled={revokeState.loading}
                            onClick={() => void onRevoke(d.id)}
                            data-testid="delegation-revoke"
                          >
                            {t('delegations.revoke')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {section &&
            (!viewer && viewerLoading ? (
              <p role="status">{t('common.loading')}</p>
            ) : (
              <GrantDelegationForm sectionId={section.id} grantable={grantable} onGranted={refetch} />
            ))}
        </>
      )}
    </div>
  );
}
