-- wrk: "near me" over GraphQL, each request from the next point of the seeded list (NEAR_ME_POINTS: "lon<TAB>lat"
-- lines), radius 10 km, first 20, the fields the web client's list shows. Signed in when COOPOL_TOKEN is set.
local query = 'query Near($lat: Float!, $lon: Float!) { nearbyActions(near: { point: { latitude: $lat, longitude: $lon } }, '
  .. 'radiusKm: 10, first: 20) { place { label } actions { edges { node { distanceMeters action { id title startsAt '
  .. 'approximatePoint { latitude longitude } attendance { confirmed target } } } } } } }'

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/graphql-response+json" }
  local token = os.getenv("COOPOL_TOKEN")
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  requests = {}
  for line in io.lines(os.getenv("NEAR_ME_POINTS")) do
    local lon, lat = line:match("^([^\t]+)\t([^\t]+)$")
    local body = string.format('{"query":"%s","variables":{"lat":%s,"lon":%s}}', query, lat, lon)
    table.insert(requests, wrk.format("POST", "/graphql", headers, body))
  end
  -- Threads start at different places in the list.
  next_request = 1 + (id * 97) % #requests
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"edges"', 1, true) or string.find(body, '"errors"', 1, true) then
    io.stderr:write("unexpected answer " .. status .. ": " .. string.sub(body, 1, 200) .. "\n")
    os.exit(1)
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d in %.1f s (%.0f/s), errors: %d\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
