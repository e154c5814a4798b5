import { describe, expect, it } from 'vitest';
import { canImport, canSeeOutbox, canSendMessages, canViewResults, federationCodes, hasNationalGrant, holdsRights, homeSectionId, seesEveryone, sendsNationally, toViewer, type Viewer, type ViewerGrant } from './permissions';

function grant(partial: Partial<ViewerGrant>): ViewerGrant {
  return { id: 'g', role: 'DELEGATE', level: 'SECTION', permissions: [], section: null, federation: null, ...partial };
}

const viewer = (grants: ViewerGrant[]): Viewer => ({
  email: 'x@example.org',
  person: { id: 'p', displayName: 'X', kind: 'MEMBER', section: { id: 'own', name: 'Own' } },
  grants,
});

describe('what the home page shows', () => {
  it('reads the grants connection as a list, skipping holes', () => {
    const me = { email: null, person: null, grants: { items: [grant({ id: 'a' }), null, grant({ id: 'b' })] } };
    expect(toViewer(me)?.grants.map((g) => g.id)).toEqual(['a', 'b']);
    expect(toViewer({ ...me, grants: { items: null } })?.grants).toEqual([]);
    expect(toViewer(null)).toBeNull();
  });

  it('picks the first section-level grant, else the own section', () => {
    expect(homeSectionId(viewer([]))).toBe('own');
    expect(
      homeSectionId(
        viewer([grant({ level: 'FEDERATION', federation: { code: '29', name: 'F' } }), grant({ section: { id: 's1', name: 'S1' } })]),
      ),
    ).toBe('s1');
    expect(homeSectionId({ ...viewer([]), person: null })).toBeNull();
  });

  it('knows wide grants, and who holds no rights', () => {
    const v = viewer([grant({ level: 'FEDERATION', federation: { code: '29', name: 'F' } }), grant({ level: 'NATIONAL' })]);
    expect(hasNationalGrant(v)).toBe(true);
    expect(federationCodes(v)).toEqual(['29']);
    expect(holdsRights(v)).toBe(true);
    expect(holdsRights(viewer([]))).toBe(false);
  });

  it('offers the map and results to holders of VIEW_RESULTS, imports to national holders of ENTER_RESULTS', () => {
    const section = grant({ permissions: ['VIEW_RESULTS', 'ENTER_RESULTS'], section: { id: 's1', name: 'S1' } });
    expect(canViewResults(viewer([section]))).toBe(true);
    expect(canImport(viewer([section]))).toBe(false);
    expect(canViewResults(viewer([grant({ permissions: ['VIEW_PEOPLE'] })]))).toBe(false);
    expect(canImport(viewer([grant({ level: 'NATIONAL', permissions: ['ENTER_RESULTS'] })]))).toBe(true);
    expect(canImport(viewer([grant({ level: 'NATIONAL', permissions: ['VIEW_RESULTS'] })]))).toBe(false);
  });
});

describe('the outbox link', () => {
  it('is offered to holders of MANAGE_PEOPLE nationally only', () => {
    expect(canSeeOutbox(viewer([grant({ level: 'NATIONAL', permissions: ['MANAGE_PEOPLE'] })]))).toBe(true);
    expect(canSeeOutbox(viewer([grant({ level: 'NATIONAL', permissions: ['VIEW_PEOPLE', 'MANAGE_ACTIONS'] })]))).toBe(false);
    expect(canSeeOutbox(viewer([grant({ level: 'FEDERATION', permissions: ['MANAGE_PEOPLE'], federation: { code: '29', name: 'F' } })]))).toBe(false);
  });
});

describe('the messaging link', () => {
  it('is offered to holders of SEND_MESSAGES anywhere', () => {
    expect(canSendMessages(viewer([grant({ permissions: ['SEND_MESSAGES'], section: { id: 's1', name: 'S1' } })]))).toBe(true);
    expect(canSendMessages(viewer([grant({ permissions: ['MANAGE_ACTIONS'] })]))).toBe(false);
    expect(sendsNationally(viewer([grant({ level: 'FEDERATION', permissions: ['SEND_MESSAGES'], federation: { code: '29', name: 'F' } })]))).toBe(false);
    expect(sendsNationally(viewer([grant({ level: 'NATIONAL', permissions: ['SEND_MESSAGES'] })]))).toBe(true);
  });
});

describe('who sees everyone of a node', () => {
  const s1 = { level: 'SECTION' as const, sectionId: 's1' };
  const delegate = grant({ permissions: ['SEND_MESSAGES'], section: { id: 's1', name: 'S1' } });
  const secretary = grant({ permissions: ['SEND_MESSAGES', 'MANAGE_PEOPLE'], section: { id: 's1', name: 'S1' } });
  const federation = grant({ level: 'FEDERATION', permissions: ['MANAGE_PEOPLE'], federation: { code: '29', name: 'F' } });

  it('takes MANAGE_PEOPLE over the node: a delegate holding SEND_MESSAGES alone does not', () => {
    expect(seesEveryone(viewer([delegate]), s1)).toBe(false);
    expect(seesEveryone(viewer([secretary]), s1)).toBe(true);
    expect(seesEveryone(viewer([secretary]), { level: 'SECTION', sectionId: 's2' })).toBe(false);
    expect(seesEveryone(viewer([federation]), { level: 'FEDERATION', federationCode: '29' })).toBe(true);
    expect(seesEveryone(viewer([federation]), { level: 'FEDERATION', federationCode: '56' })).toBe(false);
    expect(seesEveryone(viewer([federation]), { level: 'NATIONAL' })).toBe(false);
    expect(seesEveryone(viewer([grant({ level: 'NATIONAL', permissions: ['MANAGE_PEOPLE'] })]), s1)).toBe(true);
  });

  it('reads a section’s federation, and the API’s answer for the section once known', () => {
    // the federation's grant covers its sections, once the section's federation is known
    expect(seesEveryone(viewer([federation]), s1)).toBe(false);
    expect(seesEveryone(viewer([federation]), s1, { viewerPermissions: ['MANAGE_PEOPLE'], federation: { code: '29' } })).toBe(true);
    expect(seesEveryone(viewer([secretary]), s1, { viewerPermissions: ['SEND_MESSAGES', 'VIEW_PEOPLE'] })).toBe(false);
  });
});
