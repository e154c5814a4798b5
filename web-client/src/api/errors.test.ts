import { describe, expect, it } from 'vitest';
import { ApiError, displayCodes, errorEntries } from './errors';
import { splitPayloadErrors } from './mutationErrors';

/** What the API answers when a query's arguments are refused: one VALIDATION_FAILED, its fields in extensions.data. */
function refused(fields: unknown) {
  return new ApiError('definition.area: Only those who manage…', [
    { message: 'definition.area: Only those who manage…', path: ['segmentCount'], extensions: { code: 'VALIDATION_FAILED', data: { fields } } },
  ]);
}

describe('a query’s refused fields', () => {
  it('are read from extensions.data.fields, each with its own code', () => {
    const error = refused([
      { field: 'definition.area', code: 'FILTER_NOT_ALLOWED', message: 'Only those who manage this node’s people filter by place.' },
      { field: 'definition.stationIds.0', code: 'STATION_NOT_FOUND', message: 'No such station.' },
    ]);
    expect(error.fieldErrors.map((f) => [f.field, f.code])).toEqual([
      ['definition.area', 'FILTER_NOT_ALLOWED'],
      ['definition.stationIds.0', 'STATION_NOT_FOUND'],
    ]);
    expect(displayCodes(error)).toEqual(['FILTER_NOT_ALLOWED', 'STATION_NOT_FOUND']);
    // a form files them under its fields, as it does a payload's errors
    const split = splitPayloadErrors(errorEntries(error), ['definition.area', 'definition.stationIds']);
    expect(split.byField['definition.area']?.map((e) => e.code)).toEqual(['FILTER_NOT_ALLOWED']);
    expect(split.byField['definition.stationIds']?.map((e) => e.code)).toEqual(['STATION_NOT_FOUND']);
    expect(split.general).toEqual([]);
  });

  it('keeps the error’s own code when it names no field, or names them in another shape', () => {
    expect(displayCodes(refused(undefined))).toEqual(['VALIDATION_FAILED']);
    expect(displayCodes(refused([{ field: 'body' }, 'TOO_LONG', null]))).toEqual(['VALIDATION_FAILED']);
    const forbidden = new ApiError('no', [{ message: 'no', extensions: { code: 'FORBIDDEN' } }]);
    expect(displayCodes(forbidden)).toEqual(['FORBIDDEN']);
    expect(errorEntries(forbidden)).toEqual([{ code: 'FORBIDDEN', message: 'no', field: null }]);
    expect(errorEntries(undefined)).toEqual([]);
  });

  it('does not hide a more relevant code behind a field’s', () => {
    const error = new ApiError('x', [
      { message: 'x', extensions: { code: 'VALIDATION_FAILED', data: { fields: [{ field: 'body', code: 'TOO_LONG', message: 'Too long' }] } } },
      { message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(displayCodes(error)).toEqual(['UNAUTHENTICATED']);
  });
});
