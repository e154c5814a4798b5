-- wrk: the section secretary's people page, as the web client asks it, with the token in COOPOL_TOKEN.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("COOPOL_TOKEN")
wrk.body = '{"query":"{ people(first: 25) { pageInfo { hasNextPage endCursor } items { id kind displayName email phone section { name } } } }"}'

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"items"', 1, true) or string.find(body, '"errors"', 1, true) then
    io.stderr:write("unexpected answer " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    os.exit(1)
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d in %.1f s (%.0f/s), errors: %d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
