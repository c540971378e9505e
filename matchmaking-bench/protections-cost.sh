#!/usr/bin/env bash
# What the protections against greedy clients (SECURITY.md) cost a join, on the memory store: each
# configuration's req/s, p99 and server CPU per request (from /proc, over the measured window), in
# alternating rounds, with wrk as the client (Debian's package).
#
#   BASELINE_JAR=/tmp/before/matchmaking-app.jar matchmaking-bench/protections-cost.sh
#
# BASELINE_JAR is another build of the server, e.g. from before the protections (optional: without
# it that row, "baseline", is left out). The other rows are this build: its limits at rates no run
# reaches (so buckets are consulted on every request but never refuse: one wrk is one address), with the rate limits
# off, and with an HS256 player token on every request: each request a token (and player) never
# seen before, the worst case, and 1,000 tokens in turn, as clients that repeat their token do.
# ROUNDS, DURATION, WARMUP, CONNECTIONS as in run-benchmarks.sh. CONFIGS (names of rows, space
# separated; default all) runs only those, e.g. CONFIGS="baseline limits-on" to compare two builds.
set -euo pipefail
cd "$(dirname "$0")/.."
source matchmaking-bench/lib.sh

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
read -r -a JVM <<< "${JAVA_OPTS--Xmn32m -XX:MaxTenuringThreshold=0}"
SECRET=0123456789abcdef0123456789abcdef

./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
LOGS=$(mktemp -d)
# more than the server remembers (20,000), so each comes back only after it was forgotten
java -cp "$BENCH" io.matchmaking.bench.MintTokens "$SECRET" 300000 "$LOGS/tokens-new.txt"
java -cp "$BENCH" io.matchmaking.bench.MintTokens "$SECRET" 1000 "$LOGS/tokens-repeated.txt"
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    if [ -n "${BASELINE_JAR:-}" ]; then
        # the same limits as limits-on: a build from before the protections only warns of the variable
        wrk_row baseline "$BASELINE_JAR" matchmaking-bench/wrk-join.lua MATCHMAKING_ADDRESS_RATE_LIMIT=1000000
    fi
    wrk_row limits-on "$APP" matchmaking-bench/wrk-join.lua MATCHMAKING_ADDRESS_RATE_LIMIT=1000000
    wrk_row rate-limits-off "$APP" matchmaking-bench/wrk-join.lua MATCHMAKING_ADDRESS_RATE_LIMIT=0
    for tokens in new repeated; do
        TOKENS="$LOGS/tokens-$tokens.txt" wrk_row "player-tokens-$tokens" "$APP" matchmaking-bench/wrk-join-token.lua \
            MATCHMAKING_JWT_SECRET="$SECRET" MATCHMAKING_ADDRESS_RATE_LIMIT=1000000 MATCHMAKING_PLAYER_RATE_LIMIT=1000000
    done
done
echo "server logs: $LOGS"
