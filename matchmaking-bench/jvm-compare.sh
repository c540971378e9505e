#!/usr/bin/env bash
# The server on the memory store under the load generator, run by several runtimes and flag sets
# in turn in every round (docs/benchmarks.md, thirteenth measurement): req/s, p99, server CPU per
# request over the measured window, RSS at the end, and the invariant check. The bytecode is the
# same (Java 17); only the JVM that runs it changes. The load generator runs on the default java.
#
#   matchmaking-bench/jvm-compare.sh
#
# J25 is the newer runtime (default: Temurin 25 under /usr/lib/jvm). ROUNDS (3), DURATION (10),
# WARMUP (25) and CONNECTIONS (64) as in run-benchmarks.sh. CONFIGS (names, space separated, e.g.
# "17-flags 25-coh") runs only those.
set -euo pipefail
cd "$(dirname "$0")/.."
source matchmaking-bench/lib.sh

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-25}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
FLAGS="-Xmn32m -XX:MaxTenuringThreshold=0"
configs=("17-flags|java|$FLAGS"
         "25-flags|$J25|$FLAGS"
         "25-coh|$J25|$FLAGS -XX:+UseCompactObjectHeaders"
         "25-zgc|$J25|-XX:+UseZGC"
         "25-zgc-coh|$J25|-XX:+UseZGC -XX:+UseCompactObjectHeaders")

./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
LOGS=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round"
    for config in "${configs[@]}"; do
        IFS='|' read -r name java flags <<< "$config"
        if [ -n "${CONFIGS:-}" ] && [[ " $CONFIGS " != *" $name "* ]]; then
            continue
        fi
        read -r -a jvm <<< "$flags"
        MATCHMAKING_PORT=8080 MATCHMAKING_ADDRESS_RATE_LIMIT=1000000 "$java" "${jvm[@]}" -jar "$APP" > "$LOGS/$name-$round.log" 2>&1 &
        pid=$!
        await_port 8080
        java -cp "$BENCH" io.matchmaking.bench.LoadGenerator --connections "$CONNECTIONS" --duration "$DURATION" \
            --warmup "$WARMUP" --cpu "server:$pid" > "$LOGS/$name-$round.txt" || true
        rss=$(ps -o rss= -p "$pid")
        kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
        printf '%-12s %8s req/s  p99 %8s ms  server %7s us/request  RSS %5d MB  %s\n' "$name" \
            "$(grep -o 'throughput: [0-9]*' "$LOGS/$name-$round.txt" | grep -o '[0-9]*')" \
            "$(grep -o 'p99=[0-9.]*' "$LOGS/$name-$round.txt" | head -1 | cut -d= -f2)" \
            "$(cpu_of "$LOGS/$name-$round.txt" server)" $((rss / 1024)) \
            "$(grep -o '[0-9]* violations' "$LOGS/$name-$round.txt")"
    done
done
echo "reports and server logs: $LOGS"
