#!/usr/bin/env bash
# Two instances on one MySQL database behind HAProxy with docs/examples/haproxy-joins-by-queue.cfg
# (every join of a queue to one instance), loaded through the balancer by the load generator: its
# report, with the CPU per request of both instances, the balancer and the database, and the
# database's counters per join (docs/benchmarks.md, sixteenth measurement). Compare with
# run-benchmarks.sh's "two servers, one queue", where the clients go to both instances directly.
#
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root' QUEUES=1 matchmaking-bench/joins-by-queue.sh
#
# Needs haproxy (2.6 or later: apt-get install haproxy). MYSQL_URL names the server only: the script
# recreates a database mm_by_queue on it. QUEUES (1), WARMUP (40), DURATION (15), CONNECTIONS (64).
set -euo pipefail
cd "$(dirname "$0")/.."
source matchmaking-bench/lib.sh

QUEUES=${QUEUES:-1}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
command -v haproxy > /dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 1; }
./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
db_url=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_by_queue#')
db=$(pgrep -x "${DB_PROCESS:-mariadbd}" | head -1)
LOGS=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_by_queue > /dev/null
for port in 8080 8081; do
    MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$db_url" MATCHMAKING_ADDRESS_RATE_LIMIT=0 MATCHMAKING_PORT=$port \
        java -Xmn32m -XX:MaxTenuringThreshold=0 -jar "$APP" > "$LOGS/server-$port.log" 2>&1 &
    pids+=($!)
done
await_port 8080
await_port 8081
haproxy -f docs/examples/haproxy-joins-by-queue.cfg -db > "$LOGS/haproxy.log" 2>&1 &
pids+=($!)
# the servers are up before the balancer starts, so its first health checks find them ready
ready=false
for _ in $(seq 1 50); do
    curl -sf -o /dev/null http://127.0.0.1:8090/health/ready && { ready=true; break; }
    sleep 0.2
done
$ready || { echo "the balancer did not answer ready within 10 s (see $LOGS/haproxy.log)" >&2; exit 1; }
java -cp "$BENCH" io.matchmaking.bench.LoadGenerator --url http://127.0.0.1:8090 --connections "$CONNECTIONS" \
    --queues "$QUEUES" --warmup "$WARMUP" --duration "$DURATION" \
    --cpu "a:${pids[0]},b:${pids[1]},balancer:${pids[2]},database:$db" --database-counters "$MYSQL_URL"
java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_by_queue > /dev/null
echo "logs: $LOGS"
