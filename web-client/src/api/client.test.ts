import { describe, expect, it, vi } from 'vitest';
import { PersonDetails as PersonQuery } from '../features/people/PersonPage';
import { mockApi, signInAs } from '../test/api';
import { executeGraphQL, onUnauthenticated } from './client';

describe('GraphQL client', () => {
  it('posts the operation with its name, variables, accept header and bearer token', async () => {
    signInAs('tok');
    const api = mockApi({ graphql: { PersonDetails: () => ({ data: { person: { id: '1' } } }) } });
    const result = await executeGraphQL(PersonQuery, { id: '1' });
    expect(result.data?.person?.id).toBe('1');
    const call = api.calls[0]!;
    expect(call.url).toBe('/graphql');
    expect(call.method).toBe('POST');
    expect(call.headers.get('Authorization')).toBe('Bearer tok');
    expect(call.headers.get('Accept')).toBe('application/graphql-response+json, application/json');
    expect(call.body).toMatchObject({ operationName: 'PersonDetails', variables: { id: '1' } });
    expect((call.body as { query: string }).query).toContain('query PersonDetails');
  });

  it('sends no Authorization header when signed out', async () => {
    const api = mockApi({ graphql: { PersonDetails: () => ({ data: { person: null } }) } });
    await executeGraphQL(PersonQuery, { id: '1' });
    expect(api.calls[0]!.headers.has('Authorization')).toBe(false);
  });

  it('keeps partial data with the error codes', async () => {
    mockApi({
      graphql: { PersonDetails: () => ({ data: { person: null }, errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }) },
    });
    const result = await executeGraphQL(PersonQuery, { id: '1' });
    expect(result.data).toEqual({ person: null });
    expect(result.error?.primaryCode).toBe('FORBIDDEN');
  });

  it('reads GraphQL errors from non-2xx answers and reports UNAUTHENTICATED', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    mockApi({ graphql: { PersonDetails: () => ({ status: 401, errors: [{ message: 'who?', extensions: { code: 'UNAUTHENTICATED' } }] }) } });
    await expect(executeGraphQL(PersonQuery, { id: '1' })).rejects.toMatchObject({ codes: ['UNAUTHENTICATED'] });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('drops an expired token', async () => {
    signInAs('old');
    localStorage.setItem('coopol.accessTokenExpiresAt', '2000-01-01T00:00:00Z');
    const api = mockApi({ graphql: { PersonDetails: () => ({ data: { person: null } }) } });
    await executeGraphQL(PersonQuery, { id: '1' });
    expect(api.calls[0]!.headers.has('Authorization')).toBe(false);
  });
});
