import type { ViewerGrantFieldsFragment, ViewerQuery } from '../../gql/graphql';

// What the viewer may do on a section or a person is answered by the API (Section.viewerPermissions,
// Section.delegablePermissions, Person.viewerCanManage, RoleGrant.viewerCanRevoke); these helpers only choose
// what the home page and the navigation offer. The API still checks every request.

export type ViewerGrant = ViewerGrantFieldsFragment;

/** `me`, with its grants as a plain list. */
export interface Viewer {
  email: string | null | undefined;
  person: NonNullable<ViewerQuery['me']>['person'];
  grants: ViewerGrant[];
}

export function toViewer(me: ViewerQuery['me'] | undefined): Viewer | null {
  if (!me) return null;
  const grants = (me.grants.items ?? []).flatMap((g) => (g ? [g] : []));
  return { email: me.email, person: me.person, grants };
}

/** Holders of a role or delegation organize from a section's people; the others get their own page. */
export function holdsRights(viewer: Viewer): boolean {
  return viewer.grants.length > 0;
}

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
  const codes = viewer.grants.flatMap((g) => (g.level === 'FEDERATION' && g.federation ? [g.federation.code] : []));
  return [...new Set(codes)];
}

/** Holders of VIEW_RESULTS somewhere: the map and the results review are offered (the API keeps them to their ground). */
export function canViewResults(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.permissions.includes('VIEW_RESULTS'));
}

/** Importing replaces public data for everyone: offered to holders of ENTER_RESULTS for the whole party only. */
export function canImport(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.level === 'NATIONAL' && g.permissions.includes('ENTER_RESULTS'));
}

/** Holders of MANAGE_ACTIONS somewhere: the field review is offered (the API keeps it to their ground). */
export function canReviewField(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.permissions.includes('MANAGE_ACTIONS'));
}

/** The national team (MANAGE_PEOPLE for the whole party): the outbox of what actions would send is offered. */
export function canSeeOutbox(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.level === 'NATIONAL' && g.permissions.includes('MANAGE_PEOPLE'));
}

/** Holders of SEND_MESSAGES somewhere: messages and segments are offered (the API keeps them to where they send from). */
export function canSendMessages(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.permissions.includes('SEND_MESSAGES'));
}

/** SMS outside 8:00–20:00 is for the national team only (the API refuses it otherwise: NATIONAL_ONLY). */
export function sendsNationally(viewer: Viewer): boolean {
  return viewer.grants.some((g) => g.level === 'NATIONAL' && g.permissions.includes('SEND_MESSAGES'));
}

/** Where people are counted and messaged from: a section, a federation, the whole party. */
export type PeopleNode =
  | { level: 'SECTION'; sectionId: string }
  | { level: 'FEDERATION'; federationCode: string }
  | { level: 'NATIONAL' };

/** What the API says of a section: the viewer's permissions over it (through it, its federation or nationally). */
export interface SectionRights {
  viewerPermissions: readonly string[];
  federation?: { code: string } | null;
}

/**
 * Whether the viewer sees every person of a node: MANAGE_PEOPLE over it (a section's own grant, its federation's, the
 * party's). Those who do not — a delegate holding SEND_MESSAGES alone — get no count from 0 to 4, filter segments only
 * by kind, section and consent (FILTER_NOT_ALLOWED), and send to no fewer than 5 (SEGMENT_TOO_SMALL). For a section,
 * the API's own answer (Section.viewerPermissions) wins once read; until then the grants tell what they can.
 */
export function seesEveryone(viewer: Viewer, node: PeopleNode, section?: SectionRights | null): boolean {
  if (node.level === 'SECTION' && section) return section.viewerPermissions.includes('MANAGE_PEOPLE');
  return viewer.grants.some((g) => {
    if (!g.permissions.includes('MANAGE_PEOPLE')) return false;
    if (g.level === 'NATIONAL') return true;
    if (node.level === 'NATIONAL') return false;
    if (g.level === 'FEDERATION') {
      const code = node.level === 'FEDERATION' ? node.federationCode : section?.federation?.code;
      return !!code && g.federation?.code === code;
    }
    return node.level === 'SECTION' && g.section?.id === node.sectionId;
  });
}

/**
 * Who manages the people of a federation or of the whole party (MANAGE_PEOPLE there: a federation's secretary, the
 * national team): the membership file import is offered (the API checks the scope of each upload and run).
 */
export function canImportMembers(viewer: Viewer): boolean {
  return viewer.grants.some((g) => (g.level === 'NATIONAL' || g.level === 'FEDERATION') && g.permissions.includes('MANAGE_PEOPLE'));
}
