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

run() {  # name jar script [preload script]: one line, name req/s p99 cpu-us-per-request
    local name=$1 jar=$2 script=$3 preload=${4:-}
    # one wrk is one address: a limit no run reaches, so buckets are consulted and never refuse
    MATCHMAKING_PORT=8080 MATCHMAKING_ADDRESS_RATE_LIMIT=1000000 java "${JVM[@]}" -jar "$jar" > "$LOGS/$name.log" 2>&1 &
    pid=$!
    await_port 8080
    if [ -n "$preload" ]; then
        wrk -t1 -c"$CONNECTIONS" -d5s -s "$preload" http://127.0.0.1:8080 > /dev/null
    fi
    wrk_measured "$script" http://127.0.0.1:8080 "$LOGS/$name.wrk" "server:$pid"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    printf '%-10s %8d req/s  p99 %6.1f ms  server CPU %6.1f us/request  errors %s\n' "$name" \
        "$(wrk_rps "$LOGS/$name.wrk")" "$(wrk_p99 "$LOGS/$name.wrk")" "$(cpu_of "$LOGS/$name.wrk" server)" "$(wrk_errors "$LOGS/$name.wrk")"
}

for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    if [ -n "${BASELINE_JAR:-}" ]; then
        run baseline "$BASELINE_JAR" matchmaking-bench/wrk-join.lua
    fi
    run joins "$APP" matchmaking-bench/wrk-join.lua
    run console "$APP" matchmaking-bench/wrk-console.lua matchmaking-bench/wrk-join.lua
done
echo "server logs: $LOGS"
