#!/usr/bin/env bash
# What the operator console costs, on the memory store, under wrk (Debian's package), in alternating
# rounds; each row's req/s, p99 and server CPU per request (from /proc, over the measured window):
#
#   BASELINE_JAR=/tmp/before/matchmaking-app.jar matchmaking-bench/console-cost.sh
#
# - baseline: POST /join on another build, e.g. from before the console (optional).
# - joins: POST /join on this build, which counts every answer for the console's rates and every
#   ready match for its chart: against baseline, what the console costs a join when nobody looks.
# - console: the console's three JSON endpoints in turn, as a refresh asks them, after 5 s of joins
#   filled its matches (the latest, the per-minute ring, the percentiles): what one request of a
#   refresh costs the server (a refresh is three, every 2 s, per open page).
# ROUNDS, DURATION, WARMUP, CONNECTIONS as in run-benchmarks.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source matchmaking-bench/lib.sh

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-20}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
read -r -a JVM <<< "${JAVA_OPTS--Xmn32m -XX:MaxTenuringThreshold=0}"

./mvnw -B -q -DskipTests package
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
LOGS=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT
# one wrk is one address: a limit no run reaches, so buckets are consulted and never refuse
LIMIT=(MATCHMAKING_ADDRESS_RATE_LIMIT=1000000)

for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    if [ -n "${BASELINE_JAR:-}" ]; then
        wrk_row baseline "$BASELINE_JAR" matchmaking-bench/wrk-join.lua "${LIMIT[@]}"
    fi
    wrk_row joins "$APP" matchmaking-bench/wrk-join.lua "${LIMIT[@]}"
    PRELOAD=matchmaking-bench/wrk-join.lua wrk_row console "$APP" matchmaking-bench/wrk-console.lua "${LIMIT[@]}"
done
echo "server logs: $LOGS"
