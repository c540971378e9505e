#!/usr/bin/env bash
# One MySQL-store run of a server jar with wrk, measuring the CPU of the server and of the database
# per join: on a small machine the database's CPU is the server's and the client's too, so a change
# that costs the database more shows here and not in the server's own figure. Run it for two jars
# in turn, a few times, and compare the pairs (docs/benchmarks.md, tenth measurement).
#
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root' matchmaking-bench/mysql-pair.sh <jar> [name]
#
# MYSQL_URL names the server only: the script recreates a database mm_pair on it for every run.
# The database server must run on this machine (its process is found with pgrep, DB_PROCESS,
# default mariadbd). WARMUP and DURATION in seconds (15 and 10).
#
# WEBHOOK_EVENTS=match.ready (or any MATCHMAKING_WEBHOOK_EVENTS list) also starts a fast receiver
# (WebhookSink, answers 204 at once) and sends those events to it: the line then adds the receiver's
# commit-to-arrival percentiles over the measured interval, its CPU per join, and how many events
# were still undelivered when the measurement ended.
set -euo pipefail
cd "$(dirname "$0")/.."
source matchmaking-bench/lib.sh

jar=$1
name=${2:-$(basename "$jar" .jar)}
WARMUP=${WARMUP:-15}
DURATION=${DURATION:-10}
BENCH=matchmaking-bench/target/matchmaking-bench.jar
[ -f "$BENCH" ] || ./mvnw -B -q -DskipTests package
db_url=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_pair#')
db=$(pgrep -x "${DB_PROCESS:-mariadbd}" | head -1)
out=$(mktemp -d)

java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_pair > /dev/null
hooks=()
if [ -n "${WEBHOOK_EVENTS:-}" ]; then
    java -Xmx256m -cp "$BENCH" io.matchmaking.bench.WebhookSink 8099 > "$out/sink.log" 2>&1 &
    sink=$!
    hooks=(MATCHMAKING_WEBHOOK_URL=http://127.0.0.1:8099/hooks MATCHMAKING_WEBHOOK_EVENTS="$WEBHOOK_EVENTS"
        MATCHMAKING_WEBHOOK_SECRET=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw)
fi
env "${hooks[@]}" MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$db_url" MATCHMAKING_ADDRESS_RATE_LIMIT=1000000 MATCHMAKING_PORT=8080 \
    java -Xmn32m -XX:MaxTenuringThreshold=0 -jar "$jar" > "$out/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" ${sink:-} 2>/dev/null || true' EXIT
await_port 8080
wrk -t1 -c64 -d"${WARMUP}s" -s matchmaking-bench/wrk-join.lua http://127.0.0.1:8080 > /dev/null
[ -z "${sink:-}" ] || { curl -s -o /dev/null http://127.0.0.1:8099/report; sink0=$(cpu_ticks "$sink"); }
# units of work run (transactions, the retries' included): joins per unit is how well group commit batched
units() { curl -s http://127.0.0.1:8080/metrics | awk '/^matchmaking_store_operations_seconds_count\{/ && /in_queue/ {s += $2} END {printf "%d", s}'; }
units0=$(units)
server0=$(cpu_ticks "$pid"); db0=$(cpu_ticks "$db")
wrk -t1 -c64 -d"${DURATION}s" -s matchmaking-bench/wrk-join.lua http://127.0.0.1:8080 > "$out/wrk.txt"
server1=$(cpu_ticks "$pid"); db1=$(cpu_ticks "$db")
units1=$(units)
if [ -n "${sink:-}" ]; then
    sink1=$(cpu_ticks "$sink")
    undelivered=$(curl -s http://127.0.0.1:8080/metrics | awk '/^matchmaking_webhook_outbox_undelivered/ {printf "%d", $2}')
    deliveries=$(curl -s http://127.0.0.1:8099/report)
    kill "$sink"
fi
kill "$pid"; wait "$pid" 2>/dev/null || true
java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_pair > /dev/null

requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' "$out/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $5}' "$out/wrk.txt")
awk -v n="$name" -v r="$rps" -v q="$requests" -v s=$((server1 - server0)) -v d=$((db1 - db0)) -v k="$TICKS" \
    -v e="${non2xx:-0}" -v u=$((units1 - units0)) 'BEGIN {printf "%-12s %6d req/s  server %5.1f us/join  database %5.1f us/join  %4.1f joins/unit  non-2xx %s\n",
    n, r, s * 1e6 / k / q, d * 1e6 / k / q, q / (u > 0 ? u : 1), e}'
if [ -n "${sink:-}" ]; then
    awk -v q="$requests" -v s=$((sink1 - sink0)) -v k="$TICKS" -v u="$undelivered" -v d="$deliveries" \
        'BEGIN {printf "             webhooks: %s  receiver %.1f us/join  undelivered at the end %s\n", d, s * 1e6 / k / q, u}' | tr -d '\n'
    echo
fi
