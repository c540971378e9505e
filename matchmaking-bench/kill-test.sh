#!/usr/bin/env bash
# Durability by hand: 8 clients join distinct players through the real jar on MySQL, the server is
# killed with -9 in the middle, restarted, and every join it answered 200 must still be there with
# the same match. Needs curl and a MySQL/MariaDB server.
#
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root&password=' matchmaking-bench/kill-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${MYSQL_URL:?set MYSQL_URL to the JDBC URL of a MySQL server}"
PORT=${PORT:-18090}

./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
WORK=$(mktemp -d)
java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_kill
export MATCHMAKING_STORE=mysql MATCHMAKING_PORT=$PORT
# one load generator is one client address: the address limit is not what this tests
export MATCHMAKING_ADDRESS_RATE_LIMIT=0
export MATCHMAKING_MYSQL_URL=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_kill#')

start_server() {
    java -jar "$APP" > "$WORK/server-$1.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do curl -s -o /dev/null "localhost:$PORT/health/ready" && return; sleep 0.2; done
    echo "server did not start" >&2; exit 1
}

start_server 1
for c in $(seq 1 8); do
    ( for n in $(seq 1 1000000); do
        out=$(curl -s -m 5 -w ' %{http_code}' -X POST "localhost:$PORT/join" -d "{\"id\":\"c$c-$n\"}") || break
        [ "${out##* }" = 200 ] && echo "c$c-$n $(echo "$out" | grep -o '"match_id":"[^"]*"' | cut -d'"' -f4)"
      done > "$WORK/acks.$c" ) &
done
sleep "${LOAD_SECONDS:-4}"
kill -9 "$server"
wait 2>/dev/null || true

start_server 2
total=0 lost=0
while read -r player match; do
    total=$((total + 1))
    now=$(curl -s "localhost:$PORT/players/$player" | grep -o '"match_id":"[^"]*"' | cut -d'"' -f4)
    if [ "$now" != "$match" ]; then lost=$((lost + 1)); echo "LOST $player: answered $match, now '$now'"; fi
done < <(cat "$WORK"/acks.*)
kill "$server"; wait 2>/dev/null || true
java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_kill
echo "acknowledged joins: $total; missing or moved after kill -9: $lost"
[ "$lost" -eq 0 ] && [ "$total" -gt 0 ]
