import type { Permission, ViewerQuery } from '../../gql/graphql';

export type Viewer = NonNullable<ViewerQuery['me']>;
export type ViewerGrant = Viewer['grants'][number];

/** The section shown on the home page: first SECTION-level grant, otherwise the viewer's own section. */
export function homeSectionId(viewer: Viewer): string | null {
  const sectionGrant = viewer.grants.find((g) => g.level === 'SECTION' && g.section);
  return sectionGrant?.section?.id ?? viewer.person?.section.id ?? null;
}

export function hasNationalGrant(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.level === 'NATIONAL');
}

/** Codes of the federations the viewer holds a FEDERATION-level grant on. */
export function federationCodes(viewer: Viewer): string[] {
  const codes = viewer.grants
    .filter((g) => g.level === 'FEDERATION' && g.federation)
    .map((g) => g.federation!.code);
  return [...new Set(codes)];
}

export interface SectionScope {
  id: string;
  federationCode?: string | null;
}

/** True when the grant applies to that section: on it directly, on its federation, or nationally. */
export function grantCovers(grant: ViewerGrant, section: SectionScope): boolean {
  switch (grant.level) {
    case 'NATIONAL':
      return true;
    case 'FEDERATION':
      return section.federationCode == null || grant.federation?.code === section.federationCode;
    case 'SECTION':
      return grant.section?.id === section.id;
    default:
      return false;
  }
}

/** True when one of the grants gives the permission on that section (directly, or from its federation, or nationally). */
export function hasPermissionOn(grants: readonly ViewerGrant[], permission: Permission, section: SectionScope): boolean {
  return grants.some((g) => g.permissions.includes(permission) && grantCovers(g, section));
}

/**
 * Permissions the viewer may delegate on that section: none without MANAGE_DELEGATIONS there, otherwise the
 * union of the permissions of the grants covering it. The server carves a delegation from ONE covering grant
 * holding every permission asked, so a mix spread over several grants may still be refused
 * (DELEGATION_EXCEEDS_GRANTOR); the union is an accepted approximation.
 */
export function delegablePermissionsOn(grants: readonly ViewerGrant[], section: SectionScope): Permission[] {
  if (!hasPermissionOn(grants, 'MANAGE_DELEGATIONS', section)) return [];
  return [...new Set(grants.filter((g) => grantCovers(g, section)).flatMap((g) => g.permissions))];
}

/** True when the viewer may add people to that section and change the people of it (MANAGE_PEOPLE covering it). */
export function canManagePeopleOn(viewer: Viewer | null | undefined, section: SectionScope | null | undefined): boolean {
  return !!viewer && !!section && hasPermissionOn(viewer.grants, 'MANAGE_PEOPLE', section);
}
