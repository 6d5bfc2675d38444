-- wrk script: the same month of slots, but every request with a distinct query string
-- (an extra `_` parameter the API ignores), so none is answered from the slot cache.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "&_=" .. tid .. "-" .. counter)
end
