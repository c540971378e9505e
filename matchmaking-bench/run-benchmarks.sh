#!/usr/bin/env bash
# Runs the HTTP benchmarks of docs/benchmarks.md in one go on this machine and prints, for each
# run, req/s, p99 and the CPU each process used per request over the measured window (the server's,
# and the database's on MySQL), then the ratios. Every load-generator run ends with its invariant check.
#
#   matchmaking-bench/run-benchmarks.sh                       # bare Javalin and the memory store
#   MYSQL_URL='jdbc:mysql://127.0.0.1:3306/?user=root' matchmaking-bench/run-benchmarks.sh
#
# Each round runs, one after the other: the bare-Javalin baseline, the server on the memory store,
# and with MYSQL_URL the server on MySQL and two servers on one MySQL database (one hot queue).
# On a shared 2-core machine throughput drifts by tens of percent from one minute to the next: a
# ratio of runs taken side by side is what stays comparable, so the script prints the median of the
# per-round ratios over ROUNDS rounds (default 3). The CPU ratios ("efficiency") do not depend on
# the client; the req/s ratios do, since the client shares the cores with the servers.
#
# DURATION, WARMUP and CONNECTIONS (seconds, seconds, count) may be set too. MYSQL_URL names the
# server only: the script creates (and drops) a database mm_bench on it; the database server must
# run on this machine (DB_PROCESS, default mariadbd, is the process whose CPU is counted). JAVA_OPTS
# go to our servers, by default the recommended flags (docs/operations.md, "JVM flags"); BARE_OPTS
# to the baseline, by default none (its own best). SERVER_JAVA is the java that runs the servers, the
# baseline's included (default: the one on the PATH), e.g. a newer runtime for the same bytecode;
# the load generator always runs on the default one. The warm-up is long (25 s) because with 64 busy
# connections on 2 cores the JIT compilers need well over 10 s to finish.
#
# MANY_QUEUES=1000 adds two MySQL runs a round, one and two instances with the joins spread over that
# many queues, and their ratios (two over one, and two over one instance's single hot queue).
#
# CLIENT=wrk drives the bare and memory runs with wrk (Debian's package) and wrk-join.lua instead of
# the load generator: a lighter client, so the servers get more of the machine, but no invariant
# check. MySQL runs always use the load generator, so one and two instances meet the same client.
set -euo pipefail
cd "$(dirname "$0")/.."
source matchmaking-bench/lib.sh

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-25}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
read -r -a JVM <<< "${JAVA_OPTS--Xmn32m -XX:MaxTenuringThreshold=0}"
read -r -a BARE_JVM <<< "${BARE_OPTS-}"
SERVER_JAVA=${SERVER_JAVA:-java}
# one load generator is one client address: its limit stays on (its cost is in every figure) at a
# rate no run reaches; protections-cost.sh measures what each protection costs
export MATCHMAKING_ADDRESS_RATE_LIMIT=${MATCHMAKING_ADDRESS_RATE_LIMIT:-1000000}

./mvnw -B -q -DskipTests package
BENCH=matchmaking-bench/target/matchmaking-bench.jar
APP=$(ls matchmaking-app/target/matchmaking-app-*.jar | grep -v original)
LOGS=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

measure() {  # name client url check name:pid,... [queues [database url]]: runs the load, the report goes to $LOGS/<name>.txt
    local name=$1 client=$2 url=$3 check=$4 cpu=$5 queues=${6:-1} counters=()
    [ -n "${7:-}" ] && counters=(--database-counters "$7")
    if [ "$client" = wrk ]; then
        wrk_measured matchmaking-bench/wrk-join.lua "$url" "$LOGS/$name.txt" ${cpu//,/ }
    else
        java -cp "$BENCH" io.matchmaking.bench.LoadGenerator --url "$url" --connections "$CONNECTIONS" \
            --duration "$DURATION" --warmup "$WARMUP" --check "$check" --cpu "$cpu" --queues "$queues" \
            "${counters[@]}" > "$LOGS/$name.txt"
    fi
    cat "$LOGS/$name.txt" >&2
}

rps() {  # name: req/s of its run
    grep -o 'throughput: [0-9]*' "$LOGS/$1.txt" | grep -o '[0-9]*' || wrk_rps "$LOGS/$1.txt"
}

p99() {  # name: p99 of its run, in ms
    grep -o 'p99=[0-9.]*' "$LOGS/$1.txt" | head -1 | cut -d= -f2 || wrk_p99 "$LOGS/$1.txt"
}

ratio() {  # a b: a / b to two places
    awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'
}

sum() {  # numbers...: their sum
    awk 'BEGIN {s = 0; for (i = 1; i < ARGC; i++) s += ARGV[i]; printf "%.1f", s}' "$@"
}

stop_all() {
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
    pids=()
}

start_server() {  # port env...: our server on that port, its pid in $started
    local port=$1
    shift
    env MATCHMAKING_PORT="$port" "$@" "$SERVER_JAVA" "${JVM[@]}" -jar "$APP" > "$LOGS/server-$port-$round.log" 2>&1 &
    started=$!
    pids+=("$started")
    await_port "$port"
}

mysql_run() {  # name instances queues: one or two servers on the MySQL database, loaded by the generator
    local name=$1 instances=$2 queues=$3 cpu="" urls="" port
    for port in $(seq 8080 $((8079 + instances))); do
        start_server "$port" MATCHMAKING_STORE=mysql MATCHMAKING_MYSQL_URL="$mysql_db_url"
        cpu="${cpu:+$cpu,}$([ "$port" = 8080 ] && echo server || echo second):$started"
        urls="${urls:+$urls,}http://127.0.0.1:$port"
    done
    # the database's own counters per join too: commits, fsyncs, row-lock waits, statements
    measure "$name" generator "$urls" true "$cpu,database:$db_pid" "$queues" "$MYSQL_URL"
    stop_all
}

client=${CLIENT:-generator}
if [ -n "${MYSQL_URL:-}" ]; then
    db_pid=$(pgrep -x "${DB_PROCESS:-mariadbd}" | head -1)
    mysql_db_url=$(echo "$MYSQL_URL" | sed 's#\(jdbc:mysql://[^/]*\)/[^?]*#\1/mm_bench#')
fi
memory_efficiency=(); memory_rps=(); mysql_efficiency=(); two_rps=(); two_cpu=(); many_rps=(); many_vs_hot=()
for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round: bare Javalin POST /join (baseline, at its own flags)" >&2
    "$SERVER_JAVA" "${BARE_JVM[@]}" -cp "$BENCH" io.matchmaking.bench.BareJavalinServer 8079 > "$LOGS/bare.log" 2>&1 &
    pids+=($!)
    await_port 8079
    measure "bare-$round" "$client" http://127.0.0.1:8079 false "server:${pids[0]}"
    stop_all

    echo "== round $round: server, memory store (access log on)" >&2
    start_server 8080
    measure "memory-$round" "$client" http://127.0.0.1:8080 true "server:$started"
    stop_all
    bare_us=$(cpu_of "$LOGS/bare-$round.txt" server)
    memory_us=$(cpu_of "$LOGS/memory-$round.txt" server)
    memory_efficiency+=("$(ratio "$bare_us" "$memory_us")")
    memory_rps+=("$(ratio "$(rps "memory-$round")" "$(rps "bare-$round")")")
    echo "round $round: bare $(rps "bare-$round") req/s, p99 $(p99 "bare-$round") ms, $bare_us us/request;" \
        "memory store $(rps "memory-$round") req/s, p99 $(p99 "memory-$round") ms, $memory_us us/request;" \
        "efficiency ${memory_efficiency[-1]}, req/s ratio ${memory_rps[-1]}"

    if [ -n "${MYSQL_URL:-}" ]; then
        java -cp "$BENCH" io.matchmaking.bench.Databases recreate "$MYSQL_URL" mm_bench > /dev/null
        echo "== round $round: server, MySQL store (group commit)" >&2
        mysql_run "mysql-$round" 1 1
        echo "== round $round: two servers, one MySQL database, one queue" >&2
        mysql_run "two-$round" 2 1
        if [ -n "${MANY_QUEUES:-}" ]; then
            echo "== round $round: one server, MySQL, $MANY_QUEUES queues" >&2
            mysql_run "one-many-$round" 1 "$MANY_QUEUES"
            echo "== round $round: two servers, one MySQL database, $MANY_QUEUES queues" >&2
            mysql_run "two-many-$round" 2 "$MANY_QUEUES"
            many_rps+=("$(ratio "$(rps "two-many-$round")" "$(rps "one-many-$round")")")
            many_vs_hot+=("$(ratio "$(rps "two-many-$round")" "$(rps "mysql-$round")")")
            echo "round $round: $MANY_QUEUES queues: one instance $(rps "one-many-$round") req/s," \
                "two $(rps "two-many-$round") req/s (p99 $(p99 "two-many-$round") ms); two/one ${many_rps[-1]}," \
                "two on $MANY_QUEUES queues / one on one queue ${many_vs_hot[-1]}"
        fi
        java -cp "$BENCH" io.matchmaking.bench.Databases drop "$MYSQL_URL" mm_bench > /dev/null
        one_us=$(sum "$(cpu_of "$LOGS/mysql-$round.txt" server)" "$(cpu_of "$LOGS/mysql-$round.txt" database)")
        both_us=$(sum "$(cpu_of "$LOGS/two-$round.txt" server)" "$(cpu_of "$LOGS/two-$round.txt" second)" \
            "$(cpu_of "$LOGS/two-$round.txt" database)")
        mysql_efficiency+=("$(ratio "$memory_us" "$one_us")")
        two_rps+=("$(ratio "$(rps "two-$round")" "$(rps "mysql-$round")")")
        two_cpu+=("$(ratio "$both_us" "$one_us")")
        echo "round $round: MySQL $(rps "mysql-$round") req/s, p99 $(p99 "mysql-$round") ms, $one_us us/join" \
            "(server $(cpu_of "$LOGS/mysql-$round.txt" server) + database $(cpu_of "$LOGS/mysql-$round.txt" database));" \
            "two instances $(rps "two-$round") req/s, p99 $(p99 "two-$round") ms, $both_us us/join;" \
            "efficiency vs memory ${mysql_efficiency[-1]}, two/one req/s ${two_rps[-1]}, CPU per join ${two_cpu[-1]}"
    fi
done
echo "servers on $("$SERVER_JAVA" -version 2>&1 | head -1), flags: ${JVM[*]}"
echo "memory store / bare (target >= 0.85): efficiency median $(median "${memory_efficiency[@]}") (${memory_efficiency[*]});" \
    "req/s ratio median $(median "${memory_rps[@]}") (${memory_rps[*]}) with client $client"
if [ -n "${MYSQL_URL:-}" ]; then
    echo "MySQL (server + database) / memory store (target >= 0.5): efficiency median $(median "${mysql_efficiency[@]}") (${mysql_efficiency[*]})"
    echo "two instances / one (targets: req/s >= 1.0, CPU per join <= 1.2): req/s median $(median "${two_rps[@]}") (${two_rps[*]});" \
        "CPU per join median $(median "${two_cpu[@]}") (${two_cpu[*]})"
    if [ -n "${MANY_QUEUES:-}" ]; then
        echo "$MANY_QUEUES queues: two instances / one: req/s median $(median "${many_rps[@]}") (${many_rps[*]});" \
            "two on $MANY_QUEUES queues / one on one queue: median $(median "${many_vs_hot[@]}") (${many_vs_hot[*]})"
    fi
fi
echo "reports and server logs: $LOGS"
