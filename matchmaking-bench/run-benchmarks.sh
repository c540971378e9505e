#!/usr/bin/env bash
# Runs the HTTP benchmarks of docs/benchmarks.md in one go on this machine and prints the ratios:
# the bare-Javalin baseline, the server on the memory store, the server on MySQL, and two servers
# on one MySQL database. Every server run ends with the load generator's invariant check.
#
#   matchmaking-bench/run-benchmarks.sh                       # memory only
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root' matchmaking-bench/run-benchmarks.sh
#
# DURATION, WARMUP and CONNECTIONS (seconds, seconds, count) may be set too. MYSQL_URL names the
# server only: the script creates (and drops) a database mm_bench on it.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}

./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
LOGS=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

await_port() {
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
        sleep 0.2
    done
    echo "nothing listens on port $1" >&2
    return 1
}

load() {  # url... -> prints the report, returns the throughput
    java -cp "$BENCH" io.matchmaking.bench.LoadGenerator --url "$1" --connections "$CONNECTIONS" \
        --duration "$DURATION" --warmup "$WARMUP" ${2:+--check "$2"} | tee "$LOGS/last.txt" >&2
    grep -o 'throughput: [0-9]*' "$LOGS/last.txt" | grep -o '[0-9]*'
}

stop_all() {
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    pids=()
}

echo "== bare Javalin POST /join (baseline)" >&2
java -cp "$BENCH" io.matchmaking.bench.BareJavalinServer 8079 > "$LOGS/bare.log" 2>&1 & pids+=($!)
await_port 8079
bare=$(load http://127.0.0.1:8079 false)
stop_all

echo "== server, memory store (access log on, written to a file)" >&2
MATCHMAKING_PORT=8080 java -jar "$APP" > "$LOGS/memory.log" 2>&1 & pids+=($!)
await_port 8080
memory=$(load http://127.0.0.1:8080)
stop_all

echo "bare: $bare req/s; memory store: $memory req/s; ratio $(awk "BEGIN {printf \"%.2f\", $memory / $bare}")"

if [ -n "${MYSQL_URL:-}" ]; then
    mysql_db_url=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_bench#')
    java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_bench
    echo "== server, MySQL store (group commit)" >&2
    MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$mysql_db_url" MATCHMAKING_PORT=8080 \
        java -jar "$APP" > "$LOGS/mysql.log" 2>&1 & pids+=($!)
    await_port 8080
    mysql=$(load http://127.0.0.1:8080)
    stop_all
    echo "== two servers, one MySQL database" >&2
    for port in 8080 8081; do
        MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$mysql_db_url" MATCHMAKING_PORT=$port \
            java -jar "$APP" > "$LOGS/mysql-$port.log" 2>&1 & pids+=($!)
    done
    await_port 8080
    await_port 8081
    two=$(load http://127.0.0.1:8080,http://127.0.0.1:8081)
    stop_all
    java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_bench
    echo "MySQL store: $mysql req/s (ratio to memory $(awk "BEGIN {printf \"%.2f\", $mysql / $memory}")); two instances: $two req/s"
fi
echo "server logs: $LOGS"
