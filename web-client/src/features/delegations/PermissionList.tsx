import { useTranslation } from 'react-i18next';
import type { Permission } from '../../gql/graphql';

const PERMISSION_SET: Record<Permission, true> = {
  VIEW_PEOPLE: true,
  MANAGE_PEOPLE: true,
  MANAGE_SECTIONS: true,
  MANAGE_ACTIONS: true,
  SEND_MESSAGES: true,
  ENTER_RESULTS: true,
  VIEW_RESULTS: true,
  MANAGE_DELEGATIONS: true,
};

/** Every permission of the schema, in its order (the Record above makes this exhaustive). */
export const ALL_PERMISSIONS = Object.keys(PERMISSION_SET) as Permission[];

export function PermissionList({ permissions }: { permissions: readonly Permission[] }) {
  const { t } = useTranslation();
  return (
    <ul className="permissions" data-permissions={permissions.join(' ')}>
      {permissions.map((p) => (
        <li key={p} className="permission" title={p}>
          {t(`permission.${p}`)}
        </li>
      ))}
    </ul>
  );
}
