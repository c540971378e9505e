-- The console's refresh, as the page asks it: its three JSON endpoints in turn.
local paths = {"/console/api/queues", "/console/api/matches", "/console/api/instance"}
local next_path = 0

request = function()
    next_path = next_path % #paths + 1
    return wrk.format("GET", paths[next_path])
end
