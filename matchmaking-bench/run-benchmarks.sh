#!/usr/bin/env bash
# Runs the HTTP benchmarks of docs/benchmarks.md in one go on this machine and prints the ratios:
# the bare-Javalin baseline, the server on the memory store, the server on MySQL, and two servers
# on one MySQL database. Every server run ends with the load generator's invariant check.
#
#   matchmaking-bench/run-benchmarks.sh                       # memory only
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root' matchmaking-bench/run-benchmarks.sh
#
# DURATION, WARMUP and CONNECTIONS (seconds, seconds, count) may be set too. MYSQL_URL names the
# server only: the script creates (and drops) a database mm_bench on it. JAVA_OPTS go to every JVM
# it starts, the baseline's included, so a ratio always compares like with like; by default they are
# the server's recommended flags (docs/operations.md, "JVM flags"). The warm-up is long (25 s)
# because with 64 busy connections on 2 cores the JIT compilers need well over 10 s to finish.
#
# CLIENT=wrk drives the bare, memory and single MySQL runs with wrk (Debian's package) and
# wrk-join.lua instead of the load generator: a lighter client, so the servers get more of the
# machine, but no invariant check. The MySQL ratio always compares runs of the same client; two
# instances are always driven by the load generator (wrk takes one URL), which checks them.
#
# Bare and memory runs alternate for ROUNDS rounds (default 3) and the script prints the median of
# the per-round ratios: on a shared 2-core machine throughput drifts by tens of percent from one
# minute to the next, and a ratio of two runs taken side by side is what stays comparable.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-25}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
read -r -a JVM <<< "${JAVA_OPTS--Xmn32m -XX:MaxTenuringThreshold=0}"
# one load generator is one client address: its limit stays on (its cost is in every figure) at a
# rate no run reaches; protections-cost.sh measures what each protection costs
export MATCHMAKING_ADDRESS_RATE_LIMIT=${MATCHMAKING_ADDRESS_RATE_LIMIT:-1000000}

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

load() {  # url [check] -> prints the report, returns the throughput
    if [ "${CLIENT:-}" = wrk ]; then
        wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s matchmaking-bench/wrk-join.lua "$1" > /dev/null
        wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s matchmaking-bench/wrk-join.lua "$1" | tee "$LOGS/last.txt" >&2
        awk '/Requests\/sec/ {printf "%.0f\n", $2}' "$LOGS/last.txt"
        return
    fi
    java -cp "$BENCH" io.matchmaking.bench.LoadGenerator --url "$1" --connections "$CONNECTIONS" \
        --duration "$DURATION" --warmup "$WARMUP" ${2:+--check "$2"} | tee "$LOGS/last.txt" >&2
    grep -o 'throughput: [0-9]*' "$LOGS/last.txt" | grep -o '[0-9]*'
}

p99() {  # the p99 of the last load run, in ms
    if [ "${CLIENT:-}" = wrk ]; then
        awk '$1 == "99%" {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /s$/ && v !~ /ms$/) v = v * 1000; print v + 0}' "$LOGS/last.txt"
        return
    fi
    grep -o 'p99=[0-9.]*' "$LOGS/last.txt" | head -1 | cut -d= -f2
}

median() {  # numbers... -> their median
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

stop_all() {
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    pids=()
}

ratios=()
memory_runs=()
for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round: bare Javalin POST /join (baseline)" >&2
    java "${JVM[@]}" -cp "$BENCH" io.matchmaking.bench.BareJavalinServer 8079 > "$LOGS/bare.log" 2>&1 & pids+=($!)
    await_port 8079
    bare=$(load http://127.0.0.1:8079 false)
    bare_p99=$(p99)
    stop_all

    echo "== round $round: server, memory store (access log on, written to a file)" >&2
    MATCHMAKING_PORT=8080 java "${JVM[@]}" -jar "$APP" > "$LOGS/memory.log" 2>&1 & pids+=($!)
    await_port 8080
    memory=$(load http://127.0.0.1:8080)
    memory_p99=$(p99)
    stop_all

    ratio=$(awk "BEGIN {printf \"%.2f\", $memory / $bare}")
    ratios+=("$ratio")
    memory_runs+=("$memory")
    echo "round $round: bare $bare req/s (p99 $bare_p99 ms); memory store $memory req/s (p99 $memory_p99 ms); ratio $ratio"
done
echo "memory store / bare: median ratio $(median "${ratios[@]}") of ${ROUNDS} rounds (${ratios[*]})"
memory=$(median "${memory_runs[@]}")

if [ -n "${MYSQL_URL:-}" ]; then
    mysql_db_url=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_bench#')
    java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_bench
    echo "== server, MySQL store (group commit)" >&2
    MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$mysql_db_url" MATCHMAKING_PORT=8080 \
        java "${JVM[@]}" -jar "$APP" > "$LOGS/mysql.log" 2>&1 & pids+=($!)
    await_port 8080
    mysql=$(load http://127.0.0.1:8080)
    mysql_p99=$(p99)
    stop_all
    echo "== two servers, one MySQL database" >&2
    for port in 8080 8081; do
        MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$mysql_db_url" MATCHMAKING_PORT=$port \
            java "${JVM[@]}" -jar "$APP" > "$LOGS/mysql-$port.log" 2>&1 & pids+=($!)
    done
    await_port 8080
    await_port 8081
    two=$(CLIENT= load http://127.0.0.1:8080,http://127.0.0.1:8081)
    two_p99=$(CLIENT= p99)
    stop_all
    java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_bench
    echo "MySQL store: $mysql req/s (p99 $mysql_p99 ms; ratio to the median memory run $(awk "BEGIN {printf \"%.2f\", $mysql / $memory}")); two instances: $two req/s (p99 $two_p99 ms)"
fi
echo "server logs: $LOGS"
