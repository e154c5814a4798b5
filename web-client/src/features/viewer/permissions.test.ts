import { describe, expect, it } from 'vitest';
import { canManagePeopleOn, delegablePermissionsOn, federationCodes, grantCovers, hasNationalGrant, hasPermissionOn, homeSectionId, type Viewer, type ViewerGrant } from './permissions';

function grant(partial: Partial<ViewerGrant>): ViewerGrant {
  return { id: 'g', role: 'DELEGATE', level: 'SECTION', permissions: [], section: null, federation: null, ...partial };
}

const viewer = (grants: ViewerGrant[]): Viewer => ({
  email: 'x@example.org',
  person: { id: 'p', displayName: 'X', section: { id: 'own', name: 'Own' } },
  grants,
});

describe('viewer permissions', () => {
  it('picks the first section-level grant, else the own section', () => {
    expect(homeSectionId(viewer([]))).toBe('own');
    expect(
      homeSectionId(
        viewer([grant({ level: 'FEDERATION', federation: { code: '29', name: 'F' } }), grant({ section: { id: 's1', name: 'S1' } })]),
      ),
    ).toBe('s1');
    expect(homeSectionId({ ...viewer([]), person: null })).toBeNull();
  });

  it('knows wide grants', () => {
    const v = viewer([grant({ level: 'FEDERATION', federation: { code: '29', name: 'F' } }), grant({ level: 'NATIONAL' })]);
    expect(hasNationalGrant(v)).toBe(true);
    expect(federationCodes(v)).toEqual(['29']);
  });

  it('checks a permission on a section through section, federation and national grants', () => {
    const section = { id: 's1', federationCode: '29' };
    expect(hasPermissionOn([grant({ permissions: ['MANAGE_DELEGATIONS'], section: { id: 's1', name: '' } })], 'MANAGE_DELEGATIONS', section)).toBe(true);
    expect(hasPermissionOn([grant({ permissions: ['MANAGE_DELEGATIONS'], section: { id: 's2', name: '' } })], 'MANAGE_DELEGATIONS', section)).toBe(false);
    expect(hasPermissionOn([grant({ permissions: ['VIEW_PEOPLE'], section: { id: 's1', name: '' } })], 'MANAGE_DELEGATIONS', section)).toBe(false);
    const fed = (code: string) => grant({ level: 'FEDERATION', permissions: ['MANAGE_DELEGATIONS'], federation: { code, name: '' } });
    expect(hasPermissionOn([fed('29')], 'MANAGE_DELEGATIONS', section)).toBe(true);
    expect(hasPermissionOn([fed('75')], 'MANAGE_DELEGATIONS', section)).toBe(false);
    expect(hasPermissionOn([grant({ level: 'NATIONAL', permissions: ['MANAGE_DELEGATIONS'] })], 'MANAGE_DELEGATIONS', section)).toBe(true);
  });

  it('knows which grants cover a section', () => {
    const section = { id: 's1', federationCode: '29' };
    expect(grantCovers(grant({ section: { id: 's1', name: '' } }), section)).toBe(true);
    expect(grantCovers(grant({ section: { id: 's2', name: '' } }), section)).toBe(false);
    expect(grantCovers(grant({ level: 'FEDERATION', federation: { code: '29', name: '' } }), section)).toBe(true);
    expect(grantCovers(grant({ level: 'FEDERATION', federation: { code: '75', name: '' } }), section)).toBe(false);
    expect(grantCovers(grant({ level: 'NATIONAL' }), section)).toBe(true);
  });

  it('delegates the union of the covering grants, only with MANAGE_DELEGATIONS on the section', () => {
    const section = { id: 's1', federationCode: '29' };
    const own = grant({ permissions: ['VIEW_PEOPLE', 'MANAGE_DELEGATIONS'], section: { id: 's1', name: '' } });
    const fed = grant({ level: 'FEDERATION', permissions: ['SEND_MESSAGES', 'VIEW_PEOPLE'], federation: { code: '29', name: '' } });
    const elsewhere = grant({ permissions: ['MANAGE_SECTIONS', 'MANAGE_DELEGATIONS'], section: { id: 's2', name: '' } });
    expect(delegablePermissionsOn([own, fed, elsewhere], section)).toEqual(['VIEW_PEOPLE', 'MANAGE_DELEGATIONS', 'SEND_MESSAGES']);
    expect(delegablePermissionsOn([fed, elsewhere], section)).toEqual([]);
    expect(delegablePermissionsOn([], section)).toEqual([]);
  });

  it('lets MANAGE_PEOPLE covering the section manage its people', () => {
    const section = { id: 's1', federationCode: '29' };
    const managePeople = (partial: Partial<ViewerGrant>) => viewer([grant({ permissions: ['MANAGE_PEOPLE'], ...partial })]);
    expect(canManagePeopleOn(managePeople({ section: { id: 's1', name: '' } }), section)).toBe(true);
    expect(canManagePeopleOn(managePeople({ section: { id: 's2', name: '' } }), section)).toBe(false);
    expect(canManagePeopleOn(managePeople({ level: 'FEDERATION', federation: { code: '29', name: '' } }), section)).toBe(true);
    expect(canManagePeopleOn(managePeople({ level: 'FEDERATION', federation: { code: '75', name: '' } }), section)).toBe(false);
    expect(canManagePeopleOn(managePeople({ level: 'NATIONAL' }), section)).toBe(true);
    expect(canManagePeopleOn(viewer([grant({ permissions: ['VIEW_PEOPLE'], section: { id: 's1', name: '' } })]), section)).toBe(false);
    expect(canManagePeopleOn(null, section)).toBe(false);
  });
});
