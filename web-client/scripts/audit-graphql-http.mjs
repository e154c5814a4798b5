// Runs graphql-http's server audits (the reference check of the GraphQL-over-HTTP spec) against a running
// endpoint and prints one JSON line: { ok, warn, error, failures: [{ id, name, status, reason }] }.
// Usage: node scripts/audit-graphql-http.mjs http://127.0.0.1:5080/graphql
import { auditServer } from 'graphql-http';

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
console.log(JSON.stringify({ ok: count('ok'), warn: count('warn'), error: count('error'), failures }));
