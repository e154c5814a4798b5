import { describe, expect, it } from 'vitest';
import { splitPayloadErrors } from './mutationErrors';

describe('payload errors by path', () => {
  it('files errors under the longest known path and keeps the others general', () => {
    const e = (field: string | null) => ({ code: 'X', message: field ?? 'none', field });
    const split = splitPayloadErrors(
      [e('email'), e('address.postalCode'), e('address.line2'), e('consents.0.method'), e('location.latitude'), e(null)],
      ['email', 'address', 'address.postalCode', 'consents'],
    );
    expect(Object.fromEntries(Object.entries(split.byField).map(([k, v]) => [k, v.map((x) => x.field)]))).toEqual({
      email: ['email'],
      'address.postalCode': ['address.postalCode'],
      address: ['address.line2'],
      consents: ['consents.0.method'],
    });
    expect(split.general.map((x) => x.message)).toEqual(['location.latitude', 'none']);
  });
});
