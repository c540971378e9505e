#!/usr/bin/env bash
# What logging every request costs a join, and which appender writes it cheapest, on the memory
# store: each logback configuration's req/s, p99 and server CPU per request (from /proc, over the
# measured window), in alternating rounds, with wrk as the client and the server's standard output
# going to a file. Each row also counts the access lines written against the requests answered, so a
# configuration that drops lines shows it.
#
#   matchmaking-bench/logging-cost.sh
#
# Rows: "batching", the shipped configuration (BatchingConsoleAppender); "logback-async", logback's
# AsyncAppender in front of its ConsoleAppender, set to lose no line; "logback-console", the
# ConsoleAppender alone; "no-access-log", the shipped one without access lines (the cost of logging,
# by difference). ROUNDS, DURATION, WARMUP, CONNECTIONS as in run-benchmarks.sh; CONFIGS (names of
# rows, space separated) runs only those.
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

run() {  # name [logback file] -> one line: name req/s p99 cpu-us-per-request errors access-lines
    local name=$1 config=() served lines
    if [ -n "${CONFIGS:-}" ] && [[ " $CONFIGS " != *" $name "* ]]; then
        return 0
    fi
    [ -n "${2:-}" ] && config=("-Dlogback.configurationFile=$2")
    MATCHMAKING_PORT=8080 MATCHMAKING_ADDRESS_RATE_LIMIT=0 java "${JVM[@]}" "${config[@]}" -jar "$APP" \
        > "$LOGS/$name.log" 2>&1 &
    pid=$!
    await_port 8080
    wrk_measured matchmaking-bench/wrk-join.lua http://127.0.0.1:8080 "$LOGS/$name.wrk" "server:$pid"
    # the server's own count of joins answered (warm-up and measured run), against the lines written
    # once it has stopped (a stop writes what is pending)
    served=$(curl -s http://127.0.0.1:8080/metrics \
        | awk '/^http_server_requests_seconds_count\{.*uri="\/join"/ {n += $2} END {printf "%d", n}')
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    lines=$(grep -c 'POST /join' "$LOGS/$name.log" || true)
    printf '%-16s %8d req/s  p99 %6.1f ms  server CPU %6.1f us/request  errors %s  access lines %s of %s joins\n' \
        "$name" "$(wrk_rps "$LOGS/$name.wrk")" "$(wrk_p99 "$LOGS/$name.wrk")" "$(cpu_of "$LOGS/$name.wrk" server)" \
        "$(wrk_errors "$LOGS/$name.wrk")" "$lines" "$served"
}

for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    run batching
    run logback-async matchmaking-bench/logback/async-console.xml
    run logback-console matchmaking-bench/logback/console.xml
    run no-access-log matchmaking-bench/logback/no-access-log.xml
done
echo "server logs: $LOGS"
