// Runs graphql-http's server audits (the reference check of the GraphQL-over-HTTP spec) against a running
// endpoint, then the full introspection GraphiQL sends, and prints one JSON line:
// { ok, warn, error, failures: [{ id, name, status, reason }], introspection: "ok" | <error> }.
// Usage: node scripts/audit-graphql-http.mjs http://127.0.0.1:5080/graphql
import { auditServer } from 'graphql-http';
import { buildClientSchema, getIntrospectionQuery } from 'graphql';

const url = process.argv[2];
if (!url) {
  console.error('usage: node scripts/audit-graphql-http.mjs <graphql url>');
  process.exit(2);
}
const results = await auditServer({ url });
const count = (status) => results.filter((r) => r.status === status).length;
const failures = await Promise.all(
  results
    .filter((r) => r.status !== 'ok')
    .map(async (r) => ({ id: r.id, name: r.name, status: r.status, reason: r.reason })),
);

// GraphiQL 5's introspection (its defaults: descriptions, no draft features); the answer must build a client schema.
let introspection;
try {
  const query = getIntrospectionQuery();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  buildClientSchema(body.data);
  introspection = 'ok';
} catch (e) {
  introspection = String(e);
}
console.log(JSON.stringify({ ok: count('ok'), warn: count('warn'), error: count('error'), failures, introspection }));
