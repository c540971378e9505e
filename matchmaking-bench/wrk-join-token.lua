-- wrk script: POST /join {} as a player token, each request the next token of TOKENS (a file of
-- tokens, one per line: MintTokens writes one), so every request is a different player.
-- TOKENS=/tmp/tokens.txt wrk -t1 -c64 -d10s --latency -s matchmaking-bench/wrk-join-token.lua http://127.0.0.1:8080
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = "Bearer " .. line end
local counter = 0
request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  return wrk.format("POST", "/join", {["Content-Type"] = "application/json", ["Authorization"] = token}, "{}")
end
