-- wrk script: every request books a different 15-minute slot of a 24/7 event type.
-- Environment: EVENT_TYPE_ID, FIRST_SLOT (unix seconds of the first slot), API_KEY (the
-- host's key: a host booking their own event type is not held by the hourly caps).
local event_type = tonumber(os.getenv("EVENT_TYPE_ID"))
local first_slot = tonumber(os.getenv("FIRST_SLOT"))
local headers = { ["Content-Type"] = "application/json" }
if os.getenv("API_KEY") then
  headers["Authorization"] = "Bearer " .. os.getenv("API_KEY")
end
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  failures = 0
  stride = tonumber(os.getenv("THREADS") or "2")
end

function request()
  counter = counter + 1
  local slot = first_slot + ((counter - 1) * stride + tid) * 900
  local body = string.format(
    '{"eventTypeId":%d,"start":"%s","attendee":{"name":"Load Test","email":"load-%d-%d@example.org","timeZone":"UTC"}}',
    event_type, os.date("!%Y-%m-%dT%H:%M:%SZ", slot), tid, counter)
  return wrk.format("POST", "/api/v1/bookings", headers, body)
end

function response(status)
  if status ~= 201 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("failures")
  end
  io.write(string.format("bookings not created (non-201): %d\n", failed))
end
