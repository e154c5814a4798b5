// Monaco editor workers (graphiql 5 + Vite): must be set up before GraphiQL loads.
import './workers';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readToken } from '../api/token';

/** Adds the bearer token the app stored at sign-in, read at each request. */
const fetchWithToken: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  const token = readToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  headers.set('Accept', 'application/graphql-response+json, application/json');
  return fetch(input, { ...init, headers });
};

const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.origin).toString(),
  fetch: fetchWithToken,
});

const defaultQuery = `# Coopol GraphQL API.
# Sign in on the app first: its token is sent with each request.
query Me {
  me {
    email
    person { id displayName section { id name } }
    grants(first: 20) { items { role level permissions section { name } federation { code name } } }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />
  </StrictMode>,
);
