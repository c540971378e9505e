#!/usr/bin/env bash
# A rolling upgrade, tried: this build and an older one (OLD_JAR, e.g. built from a release tag) serve
# one MySQL database at once, the new one first so the schema is migrated under the old one, and the
# load generator sends solo joins, status reads and long polls to both, then checks every
# acknowledged join (one match each, the one answered, full ready matches, first come first served).
# Exits 1 on an error or a violation.
#
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root' OLD_JAR=/tmp/old.jar matchmaking-bench/rolling-upgrade.sh
#
# MYSQL_URL names the server only: the script recreates a database mm_upgrade on it. DURATION and
# WARMUP in seconds (20 and 5), CONNECTIONS (16).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
db_url=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_upgrade#')
LOGS=$(mktemp -d)
# one load generator is one client address
export MATCHMAKING_ADDRESS_RATE_LIMIT=1000000
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

await_port() {
    for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$1/health/ready" && return 0; sleep 0.2; done
    echo "nothing answers on port $1; see $LOGS" >&2
    exit 1
}

java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_upgrade
MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$db_url" MATCHMAKING_PORT=8090 java -jar "$APP" > "$LOGS/new.log" 2>&1 &
pids+=($!)
await_port 8090
MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$db_url" MATCHMAKING_PORT=8091 java -jar "$OLD_JAR" > "$LOGS/old.log" 2>&1 &
pids+=($!)
await_port 8091
grep -h "listening on" "$LOGS/new.log" "$LOGS/old.log" | sed 's/; .*//'
status=0
java -cp "$BENCH" io.matchmaking.bench.LoadGenerator --url http://127.0.0.1:8090,http://127.0.0.1:8091 \
    --connections "$CONNECTIONS" --duration "$DURATION" --warmup "$WARMUP" || status=$?
kill "${pids[@]}"; wait 2>/dev/null || true
java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_upgrade
echo "server logs: $LOGS"
exit "$status"
