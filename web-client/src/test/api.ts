import { vi } from 'vitest';
import { TOKEN_KEY } from '../api/token';
import type { DevUser } from '../features/auth/devAuth';

/** What a GraphQL handler answers: a GraphQL response body, optionally with an HTTP status. */
export interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; data?: unknown } }[];
  status?: number;
}

export type GraphQLHandler = (variables: Record<string, unknown>) => GraphQLAnswer;

export interface MockApiOptions {
  graphql?: Record<string, GraphQLHandler>;
  /** Answer of GET /auth/dev/users; 404 means dev sign-in is disabled. */
  devUsers?: DevUser[] | 404;
  /** Answer of POST /auth/dev/token. */
  token?: { accessToken: string; expiresAt: string };
  /** Answers of other HTTP calls (downloads, uploads): undefined falls through to a 404. */
  http?: (call: RecordedCall) => Response | undefined;
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/**
 * Replaces global fetch (the client's network boundary) with a fake API.
 * GraphQL requests are routed by operationName to the given handlers.
 */
export function mockApi(options: MockApiOptions = {}) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    const call = { url, method, headers, body };
    calls.push(call);

    if (url.endsWith('/auth/dev/users') && method === 'GET') {
      if (options.devUsers === 404 || options.devUsers === undefined) return new Response('', { status: 404 });
      return json(options.devUsers);
    }
    if (url.endsWith('/auth/dev/token') && method === 'POST') {
      return json(options.token ?? { accessToken: 'test-token', expiresAt: '2099-01-01T00:00:00Z' });
    }
    if (url.endsWith('/graphql') && method === 'POST') {
      const { operationName, variables } = body as { operationName: string; variables: Record<string, unknown> };
      const handler = options.graphql?.[operationName];
      if (!handler) {
        return json({ errors: [{ message: `No mock for ${operationName}` }] }, 200, 'application/graphql-response+json');
      }
      const { status, ...answer } = handler(variables);
      return json(answer, status ?? 200, 'application/graphql-response+json');
    }
    return options.http?.(call) ?? new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    fetchMock,
    calls,
    /** Variables of every GraphQL call of that operation, in order. */
    variablesOf(operationName: string): Record<string, unknown>[] {
      return calls
        .filter((c) => (c.body as { operationName?: string } | undefined)?.operationName === operationName)
        .map((c) => (c.body as { variables: Record<string, unknown> }).variables);
    },
    graphqlCalls(operationName: string): RecordedCall[] {
      return calls.filter((c) => (c.body as { operationName?: string } | undefined)?.operationName === operationName);
    },
  };
}

export function signInAs(token = 'test-token'): void {
  localStorage.setItem(TOKEN_KEY, token);
}
