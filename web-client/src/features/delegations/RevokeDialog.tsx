import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '../../api/hooks';
import type { PayloadError } from '../../api/mutationErrors';
import type { DelegationFieldsFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { GeneralErrors } from '../../ui/FieldErrors';
import { PermissionList } from './PermissionList';
import { RevokeDelegationMutation, RevokeImpactQuery } from './queries';

interface Props {
  delegation: DelegationFieldsFragment;
  onRevoked: () => void;
  onClose: () => void;
}

/** Asks before revoking, and says what goes with it: every active delegation carved from this one, down the chain. */
export function RevokeDialog({ delegation, onRevoked, onClose }: Props) {
  const { t } = useTranslation();
  const impact = useQuery(RevokeImpactQuery, { id: delegation.id });
  const [revoke, revokeState] = useMutation(RevokeDelegationMutation);
  const [errors, setErrors] = useState<PayloadError[]>([]);
  const someone = t('delegations.someone');
  const name = delegation.grantee?.displayName ?? someone;
  const node = impact.data?.node;
  const withIt = node?.__typename === 'RoleGrant' ? node.revokedWithIt : null;
  const dependents = (withIt?.items ?? []).flatMap((d) => (d ? [d] : []));
  const notListed = Math.max(0, (withIt?.totalCount ?? 0) - dependents.length);

  async function confirm() {
    setErrors([]);
    const payload = (await revoke({ input: { delegationId: delegation.id } }))?.revokeDelegation;
    if (!payload) return; // top-level error, shown in the dialog
    if (payload.errors.length) {
      setErrors(payload.errors);
      return;
    }
    onRevoked();
  }

  return (
    <ConfirmDialog
      title={t('delegations.revokeDialog.title', { name })}
      confirmLabel={revokeState.loading ? t('delegations.revokeDialog.revoking') : t('delegations.revokeDialog.confirm')}
      cancelLabel={t('delegations.revokeDialog.cancel')}
      busy={revokeState.loading || impact.loading}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      testId="revoke-dialog"
    >
      <p>{t('delegations.revokeDialog.what', { name })}</p>
      <PermissionList permissions={delegation.permissions} />
      {impact.loading && <p role="status">{t('delegations.revokeDialog.checking')}</p>}
      {impact.error && <ErrorMessage error={impact.error} />}
      {withIt &&
        (dependents.length === 0 ? (
          <p data-testid="revoke-with-it-none">{t('delegations.revokeDialog.nothingElse')}</p>
        ) : (
          <>
            <p>{t('delegations.revokeDialog.alsoRevokes', { count: withIt.totalCount ?? dependents.length })}</p>
            <ul className="revoked-with-it" data-testid="revoke-with-it">
              {dependents.map((d) => (
                <li key={d.id} data-testid="revoke-with-it-item" data-grantee-id={d.grantee?.id ?? ''}>
                  <strong>{d.grantee?.displayName ?? someone}</strong>
                  <span className="muted"> · {d.section?.name ?? d.federation?.name ?? t('level.NATIONAL')}</span>
                  <PermissionList permissions={d.permissions} />
                </li>
              ))}
            </ul>
            {notListed > 0 && <p className="muted">{t('delegations.revokeDialog.more', { count: notListed })}</p>}
          </>
        ))}
      <GeneralErrors errors={errors} testId="revoke-dialog-errors" />
      {revokeState.error && <ErrorMessage error={revokeState.error} />}
    </ConfirmDialog>
  );
}
