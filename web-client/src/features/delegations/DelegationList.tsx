import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DelegationFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { useIsPhone } from '../../ui/useMediaQuery';
import { PermissionList } from './PermissionList';

type Delegation = DelegationFieldsFragment;

interface Props {
  delegations: Delegation[];
  /** Opens the revocation of one; offered only where the API says the viewer may revoke. */
  onRevoke: (delegation: Delegation) => void;
}

function rowData(d: Delegation) {
  return {
    'data-testid': 'delegation-row',
    'data-delegation-id': d.id,
    'data-grantee-id': d.grantee?.id ?? '',
    'data-permissions': d.permissions.join(' '),
    'data-active': d.isActive,
  };
}

function Grantee({ d }: { d: Delegation }) {
  const { t } = useTranslation();
  if (!d.grantee) return <>{t('delegations.hiddenPerson')}</>;
  return <Link to={`/people/${encodeURIComponent(d.grantee.id)}`}>{d.grantee.displayName}</Link>;
}

function Status({ d }: { d: Delegation }) {
  const { t } = useTranslation();
  if (d.isActive) return <>{t('delegations.status.active')}</>;
  return <>{d.revokedAt ? t('delegations.status.revoked', { date: formatDate(d.revokedAt) }) : t('delegations.status.expired')}</>;
}

function RevokeButton({ d, onRevoke }: { d: Delegation; onRevoke: Props['onRevoke'] }) {
  const { t } = useTranslation();
  if (!d.isActive || !d.viewerCanRevoke) return null;
  return (
    <button
      type="button"
      className="danger"
      aria-label={t('delegations.revokeOf', { name: d.grantee?.displayName ?? t('delegations.someone') })}
      onClick={() => onRevoke(d)}
      data-testid="delegation-revoke"
    >
      {t('delegations.revoke')}
    </button>
  );
}

/** The section's delegations: a table at a desk, cards on a phone. */
export function DelegationList({ delegations, onRevoke }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();

  if (isPhone) {
    return (
      <ul className="cards" aria-label={t('delegations.listLabel')} data-testid="delegations-cards">
        {delegations.map((d) => (
          <li key={d.id} className="card-item" {...rowData(d)}>
            <div className="card-title">
              <strong>
                <Grantee d={d} />
              </strong>
              <span className="muted">
                <Status d={d} />
              </span>
            </div>
            <PermissionList permissions={d.permissions} />
            <span className="muted">
              {t('delegations.grantedByOn', { name: d.grantedBy?.displayName ?? t('delegations.hiddenPerson'), date: formatDate(d.grantedAt) })}
              {' · '}
              {d.expiresAt ? t('delegations.until', { date: formatDate(d.expiresAt) }) : t('delegations.noEnd')}
            </span>
            <RevokeButton d={d} onRevoke={onRevoke} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <table className="data-table" data-testid="delegations-table">
      <caption className="visually-hidden">{t('delegations.listLabel')}</caption>
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
        {delegations.map((d) => (
          <tr key={d.id} {...rowData(d)}>
            <td>
              <Grantee d={d} />
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
              <Status d={d} />
            </td>
            <td>
              <RevokeButton d={d} onRevoke={onRevoke} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
