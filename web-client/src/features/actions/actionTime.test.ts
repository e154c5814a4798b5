import { describe, expect, it } from 'vitest';
import { buildActionInput, emptyActionValues, localActionErrors, parseStations } from './actionForm';
import { checkInOpen, instantToLocal, localToInstant } from './actionTime';
import { nearbyVariables, readNearParams } from './nearParams';

describe('times on the clock of the action’s place', () => {
  it('reads a datetime-local value in the chosen zone, with the offset of that day', () => {
    expect(localToInstant('2026-12-05T10:00', 'Europe/Paris')).toBe('2026-12-05T10:00:00+01:00');
    expect(localToInstant('2026-06-20T10:00', 'Europe/Paris')).toBe('2026-06-20T10:00:00+02:00');
    expect(localToInstant('2026-12-05T10:00', 'America/Cayenne')).toBe('2026-12-05T10:00:00-03:00');
    expect(localToInstant('2026-12-05T10:00', 'Indian/Reunion')).toBe('2026-12-05T10:00:00+04:00');
    expect(localToInstant('', 'Europe/Paris')).toBeNull();
  });

  it('shows an instant as the wall clock of the zone, whatever the viewer’s', () => {
    expect(instantToLocal('2026-12-05T09:00:00Z', 'Europe/Paris')).toBe('2026-12-05T10:00');
    expect(instantToLocal('2026-12-05T09:00:00Z', 'Pacific/Noumea')).toBe('2026-12-05T20:00');
    const back = localToInstant(instantToLocal('2026-03-29T08:30:00Z', 'Europe/Paris'), 'Europe/Paris')!;
    expect(Date.parse(back)).toBe(Date.parse('2026-03-29T08:30:00Z'));
  });

  it('opens check-in three hours before the start until two days after the end', () => {
    const start = '2026-12-05T10:00:00Z';
    const end = '2026-12-05T12:00:00Z';
    expect(checkInOpen(start, end, Date.parse('2026-12-05T06:59:00Z'))).toBe(false);
    expect(checkInOpen(start, end, Date.parse('2026-12-05T07:00:00Z'))).toBe(true);
    expect(checkInOpen(start, end, Date.parse('2026-12-07T12:00:00Z'))).toBe(true);
    expect(checkInOpen(start, end, Date.parse('2026-12-07T12:01:00Z'))).toBe(false);
  });
});

describe('the near-me search in the URL', () => {
  it('reads place or point, radius, kinds and days, ignoring what is not valid', () => {
    expect(readNearParams(new URLSearchParams('place=Brest&radius=20&kinds=MEETING,nope,leafleting&from=2026-12-01&to=x'))).toEqual({
      place: 'Brest',
      point: null,
      radiusKm: 20,
      kinds: ['MEETING', 'LEAFLETING'],
      from: '2026-12-01',
      to: '',
    });
    const p = readNearParams(new URLSearchParams('lat=48.39&lon=-4.486&radius=500'));
    expect(p.point).toEqual({ latitude: 48.39, longitude: -4.486 });
    expect(p.radiusKm).toBe(10);
    // a point wins over a place: the API takes one of them
    expect(nearbyVariables({ ...p, place: 'Brest' }, null)?.near).toEqual({ point: { latitude: 48.39, longitude: -4.486 } });
    expect(nearbyVariables(readNearParams(new URLSearchParams('')), null)).toBeNull();
  });
});

describe('the action form', () => {
  it('sends instants with their offset, numbers, and the station codes however they were separated', () => {
    const values = {
      ...emptyActionValues(),
      title: ' Porte-à-porte ',
      startsAt: '2026-12-05T10:00',
      endsAt: '2026-12-05T12:30',
      meetingAddress: 'Place de la Liberté',
      meetingPoint: { latitude: 48.39, longitude: -4.486 },
      attendanceTarget: '6',
      capacity: '',
      turfStations: '29019_12, 29019_13\n29019_12;29019_14',
    };
    expect(localActionErrors(values)).toEqual([]);
    expect(buildActionInput(values)).toMatchObject({
      title: 'Porte-à-porte',
      startsAt: '2026-12-05T10:00:00+01:00',
      endsAt: '2026-12-05T12:30:00+01:00',
      timeZone: 'Europe/Paris',
      attendanceTarget: 6,
      capacity: null,
      turfStationIds: ['29019_12', '29019_13', '29019_14'],
    });
    expect(parseStations(' , ')).toEqual([]);
  });

  it('keeps the commune while the point has not moved', () => {
    const point = { latitude: 48.39, longitude: -4.486 };
    const values = { ...emptyActionValues(), startsAt: '2026-12-05T10:00', endsAt: '2026-12-05T12:00', meetingPoint: point };
    expect(buildActionInput(values, { communeCode: '29019', meetingPoint: point, turfArea: '{}' })).toMatchObject({ communeCode: '29019' });
    // the turf is left out while not redrawn: the API keeps it
    expect(buildActionInput(values, { communeCode: '29019', meetingPoint: point, turfArea: '{}' }).turfArea).toBeUndefined();
    expect(buildActionInput({ ...values, meetingPoint: { ...point, latitude: 48.4 } }, { communeCode: '29019', meetingPoint: point }).communeCode).toBeNull();
  });
});
