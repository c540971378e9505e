-- wrk script: POST /join with a new player id per request (ids unique per wrk thread).
-- wrk -t1 -c64 -d10s --latency -s matchmaking-bench/wrk-join.lua http://127.0.0.1:8080
local counter = 0
setup = function(thread) thread:set("tid", math.random(1, 1e9)) end
request = function()
  counter = counter + 1
  local body = '{"id":"w' .. tid .. '-' .. counter .. '"}'
  return wrk.format("POST", "/join", {["Content-Type"] = "application/json"}, body)
end
