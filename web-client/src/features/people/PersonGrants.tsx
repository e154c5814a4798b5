import { useTranslation } from 'react-i18next';
import type { HeldGrantFieldsFragment } from '../../gql/graphql';
import { formatDate } from '../../i18n/format';
import { PermissionList } from '../delegations/PermissionList';

/** The roles and delegations a person holds, as small cards (they read the same on a phone and at a desk). */
export function PersonGrants({ grants, isViewer }: { grants: HeldGrantFieldsFragment[]; isViewer: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="person-grants-title">
      <h2 id="person-grants-title">{t('person.grants.title')}</h2>
      {grants.length === 0 ? (
        <p data-testid="person-no-grants">{isViewer ? t('person.grants.noneSelf') : t('person.grants.none')}</p>
      ) : (
        <ul className="cards" data-testid="person-grants">
          {grants.map((g) => (
            <li key={g.id} className="card-item" data-testid="person-grant" data-role={g.role}>
              <div className="card-title">
                <strong>{t(`role.${g.role}`)}</strong>
                <span className="muted">
                  {g.level === 'NATIONAL'
                    ? t('level.NATIONAL')
                    : g.level === 'FEDERATION'
                      ? `${t('level.FEDERATION')} ${g.federation?.code ?? ''} · ${g.federation?.name ?? ''}`
                      : `${t('level.SECTION')} ${g.section?.name ?? ''}`}
                </span>
              </div>
              <PermissionList permissions={g.permissions} />
              <span className="muted">
                {t('person.grants.since', { date: formatDate(g.grantedAt) })} ·{' '}
                {g.expiresAt ? t('person.grants.until', { date: formatDate(g.expiresAt) }) : t('person.grants.noEnd')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
