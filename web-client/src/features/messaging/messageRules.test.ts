import { describe, expect, it } from 'vitest';
import { composeInput, encodingName, localComposerErrors, mayBeNotCampaign, scheduleErrors } from './composer';
import { firstWords, mentionsStop, unknownVariables } from './messageText';
import { nodeQuery, readNode, senderChoices } from './node';
import { areaInput, buildDefinition, localSegmentErrors, parseTags, seesWholeList, usesNarrowFilters } from './segmentForm';

describe('the rules a text follows, as the API checks them', () => {
  it('knows {{firstName}} and {{section}} only', () => {
    expect(unknownVariables('Bonjour {{ firstName }}, {{section}} vous attend')).toEqual([]);
    expect(unknownVariables('{{prenom}} {{prenom}} {{ville}}')).toEqual(['prenom', 'ville']);
  });

  it('finds STOP (or ARRET) as a word, in any case', () => {
    expect(mentionsStop('Répondez STOP')).toBe(true);
    expect(mentionsStop('stop au 36111')).toBe(true);
    expect(mentionsStop('ARRÊT: répondez')).toBe(true);
    expect(mentionsStop('Nonstop jusqu’à dimanche')).toBe(false);
    expect(mentionsStop('STOPPEZ')).toBe(false);
  });

  it('names a message by its first words', () => {
    expect(firstWords('# Bonjour **à tous**\n\nsuite')).toBe('Bonjour à tous suite');
    expect(firstWords('un deux trois quatre', 12)).toBe('un deux…');
  });

  it('checks a draft before saving it', () => {
    const base = { segmentId: '', subject: '', body: '', campaign: true, ignoreQuietHours: false, scheduleAt: '' };
    expect(localComposerErrors(base, 'EMAIL', null).map((e) => e.code)).toEqual(['SUBJECT_REQUIRED', 'EMPTY_MESSAGE']);
    expect(localComposerErrors({ ...base, body: 'Salut' }, 'SMS', 1).map((e) => e.code)).toEqual(['STOP_MENTION_REQUIRED']);
    expect(localComposerErrors({ ...base, body: 'Salut STOP' }, 'SMS', 7).map((e) => e.code)).toEqual(['TOO_LONG']);
  });

  it('sends a new draft with its node, a change with its id; quiet hours only for the national team’s SMS', () => {
    const v = { segmentId: '', subject: ' Jeudi ', body: 'x', campaign: false, ignoreQuietHours: true, scheduleAt: '' };
    expect(composeInput(v, 'EMAIL', { level: 'FEDERATION', federationCode: '29' }, null, true)).toMatchObject({
      sectionId: null,
      federationCode: '29',
      subject: 'Jeudi',
      segmentId: null,
      definition: {},
      ignoreQuietHours: false,
    });
    const change = composeInput({ ...v, segmentId: 's' }, 'SMS', { level: 'NATIONAL' }, 'm', false);
    expect(change).toMatchObject({ id: 'm', subject: null, segmentId: 's', definition: null, ignoreQuietHours: false });
    expect(change).not.toHaveProperty('sectionId');
    expect(composeInput(v, 'SMS', { level: 'NATIONAL' }, 'm', true).ignoreQuietHours).toBe(true);
  });

  it('schedules in the future, within 90 days', () => {
    const now = new Date(2026, 10, 30, 12, 0).getTime();
    expect(scheduleErrors('', now)[0]?.code).toBe('SCHEDULE_REQUIRED');
    expect(scheduleErrors('2026-11-30T11:00', now)[0]?.code).toBe('SCHEDULE_IN_THE_PAST');
    expect(scheduleErrors('2027-06-01T10:00', now)[0]?.code).toBe('SCHEDULE_TOO_FAR');
    expect(scheduleErrors('2026-12-01T18:00', now)).toEqual([]);
    expect(encodingName('GSM7')).toBe('GSM-7');
    expect(encodingName('UCS2')).toBe('UCS-2');
  });
});

describe('where messages are sent from', () => {
  const grant = (level: string, extra: object, permissions = ['SEND_MESSAGES']) => ({ id: level, role: 'DELEGATE', level, permissions, section: null, federation: null, ...extra }) as never;
  const names = { party: 'Party', federation: (code: string, name: string) => `${code} ${name}` };
  const person = { id: 'p', displayName: 'P', kind: 'MEMBER', section: { id: 'own', name: 'Own' } } as never;

  it('reads the node from the URL and writes it back', () => {
    expect(readNode(new URLSearchParams('section=s1'))).toEqual({ level: 'SECTION', sectionId: 's1' });
    expect(readNode(new URLSearchParams('federation=2a'))).toEqual({ level: 'FEDERATION', federationCode: '2A' });
    expect(readNode(new URLSearchParams('national=1'))).toEqual({ level: 'NATIONAL' });
    expect(readNode(new URLSearchParams('federation=toolong'))).toBeNull();
    expect(nodeQuery({ level: 'FEDERATION', federationCode: '29' }, { channel: 'SMS' })).toBe('?federation=29&channel=SMS');
  });

  it('offers the sections, the own section under a wider grant, the federations and the party the viewer sends from', () => {
    const viewer = {
      email: null,
      person,
      grants: [
        grant('SECTION', { section: { id: 's1', name: 'S1' } }),
        grant('SECTION', { section: { id: 's2', name: 'S2' } }, ['VIEW_PEOPLE']),
        grant('FEDERATION', { federation: { code: '29', name: 'Finistère' } }),
        grant('NATIONAL', {}),
      ],
    };
    expect(senderChoices(viewer, names).map((c) => c.name)).toEqual(['S1', 'Own', '29 Finistère', 'Party']);
    expect(senderChoices({ ...viewer, grants: [viewer.grants[0]!] }, names).map((c) => c.name)).toEqual(['S1']);
  });
});

describe('a segment’s definition', () => {
  const square = '{"type":"Polygon","coordinates":[[[-4.49,48.39],[-4.48,48.39],[-4.48,48.4],[-4.49,48.39]]]}';
  const corners = [
    { latitude: 48.39, longitude: -4.49 },
    { latitude: 48.39, longitude: -4.48 },
    { latitude: 48.4, longitude: -4.48 },
  ];

  it('reads tags once each, and sends the saved area back as it is while unchanged', () => {
    expect(parseTags(' a, b ,A,, c')).toEqual(['a', 'b', 'c']);
    expect(areaInput(corners, square)).toBe(square);
    expect(areaInput(corners.slice(0, 2), square)).toBeNull();
    expect(JSON.parse(areaInput(corners, null)!)).toEqual({ type: 'Polygon', coordinates: [[[-4.49, 48.39], [-4.48, 48.39], [-4.48, 48.4], [-4.49, 48.39]]] });
    expect(
      buildDefinition(
        { name: 'x', kinds: [], tags: '', stations: '29019_1;29019_2', actionIds: [], consentFor: '', areaPoints: [] },
        { area: null, sectionIds: ['s'], personIds: [] },
      ),
    ).toEqual({ kinds: [], tags: [], stationIds: ['29019_1', '29019_2'], actionIds: [], consentFor: null, sectionIds: ['s'], area: null });
  });

  it('sends a static list back whole, and to those who do not see everyone only kind, section and consent', () => {
    const values = { name: 'x', kinds: ['MEMBER' as const], tags: 'a', stations: '29019_1', actionIds: ['act'], consentFor: 'SMS' as const, areaPoints: corners };
    expect(buildDefinition(values, { area: null, sectionIds: [], personIds: ['p1', 'p2'] })).toMatchObject({ personIds: ['p1', 'p2'], tags: ['a'] });
    expect(buildDefinition(values, { area: square, sectionIds: ['s'], personIds: ['p1'] }, false)).toEqual({ kinds: ['MEMBER'], consentFor: 'SMS', sectionIds: ['s'] });
    expect(localSegmentErrors({ ...values, areaPoints: corners.slice(0, 2) }, false)).toEqual([]);
    expect(localSegmentErrors({ ...values, areaPoints: corners.slice(0, 2) }).map((e) => e.code)).toEqual(['AREA_POINTS_NEEDED']);
  });

  it('knows the filters only those who see everyone may set, and whether a static list is seen whole', () => {
    const definition = { kinds: [], tags: [], sectionIds: ['s'], stationIds: [], actionIds: [], consentFor: null, personCount: 0, personIds: [] };
    expect(usesNarrowFilters({ area: null, definition })).toBe(false);
    expect(usesNarrowFilters({ area: square, definition })).toBe(true);
    expect(usesNarrowFilters({ area: null, definition: { ...definition, tags: ['t'] } })).toBe(true);
    expect(usesNarrowFilters({ area: null, definition: { ...definition, personCount: 2 } })).toBe(true);
    expect(seesWholeList({ ...definition, personCount: 2, personIds: ['a', 'b'] })).toBe(true);
    expect(seesWholeList({ ...definition, personCount: 3, personIds: ['a', 'b'] })).toBe(false);
  });
});

describe('what a message may be', () => {
  it('is not campaigning only when it goes to members alone', () => {
    expect(mayBeNotCampaign(['MEMBER'])).toBe(true);
    expect(mayBeNotCampaign([])).toBe(false);
    expect(mayBeNotCampaign(['SUPPORTER'])).toBe(false);
    expect(mayBeNotCampaign(['MEMBER', 'SUPPORTER'])).toBe(false);
  });

  it('has a one-line subject', () => {
    const base = { segmentId: '', subject: 'Jeudi\nsoir', body: 'x', campaign: true, ignoreQuietHours: false, scheduleAt: '' };
    expect(localComposerErrors(base, 'EMAIL', null).map((e) => e.code)).toEqual(['INVALID_CHARACTERS']);
    expect(localComposerErrors({ ...base, subject: ' Jeudi soir\n' }, 'EMAIL', null)).toEqual([]);
    expect(localComposerErrors(base, 'SMS', 1).map((e) => e.code)).toEqual(['STOP_MENTION_REQUIRED']);
  });
});
