# Shared by the benchmark scripts (sourced, never run): waiting for a server, a process's CPU time,
# wrk runs measured with the CPU of the processes they load, medians. The CPU figures are what a
# request costs each process over the measured window only; they do not depend on how fast the
# client is, where requests per second on a shared 2-core machine do.

TICKS=$(getconf CLK_TCK)

await_port() {  # port: waits up to 20 s for an HTTP server on it
    for _ in $(seq 1 100); do
        curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
        sleep 0.2
    done
    echo "nothing listens on port $1" >&2
    return 1
}

cpu_ticks() {  # pid: its user and system time so far, in clock ticks (the fields after the name)
    sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

median() {  # numbers...: their median
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# wrk_measured script url report name:pid...: warms up with wrk for $WARMUP s, then measures for
# $DURATION s with $CONNECTIONS connections; the report (wrk's, --latency) gets one more line per
# process, "cpu <name> <us per request>", over the measured window.
wrk_measured() {
    local script=$1 url=$2 report=$3 named before=() i=0 requests
    shift 3
    wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$script" "$url" > /dev/null
    for named in "$@"; do before+=("$(cpu_ticks "${named#*:}")"); done
    wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$url" > "$report"
    requests=$(awk '/requests in/ {print $1}' "$report")
    for named in "$@"; do
        awk -v n="${named%%:*}" -v t=$(( $(cpu_ticks "${named#*:}") - before[i] )) -v q="$requests" -v k="$TICKS" \
            'BEGIN {printf "cpu %s %.1f\n", n, t * 1e6 / k / q}' >> "$report"
        i=$((i + 1))
    done
}

wrk_rps() {  # report: requests per second
    awk '/Requests\/sec/ {printf "%.0f\n", $2}' "$1"
}

wrk_p99() {  # report: the p99 in ms
    awk '$1 == "99%" {v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /s$/ && v !~ /ms$/) v = v * 1000; print v + 0}' "$1"
}

wrk_errors() {  # report: answers other than 2xx or 3xx, and socket errors
    awk '/Non-2xx/ {n += $5} /Socket errors/ {gsub(/[^0-9 ]/, " "); n += $1 + $2 + $3 + $4} END {print n + 0}' "$1"
}

cpu_of() {  # report name: the us per request of that process ("cpu" lines of either client)
    awk -v n="$2" '$1 == "cpu" && $2 == n {print $3} $1 == "cpu" && $2 == "per" {for (i = 4; i <= NF; i++) {split($i, kv, "="); if (kv[1] == n) {sub(/us$/, "", kv[2]); print kv[2]}}}' "$1"
}

# wrk_row name jar script [VAR=value ...]: one row of a comparison, as one line (name, req/s, p99,
# server CPU per request, errors). Starts the jar on port 8080 with those variables and the JVM
# flags in $JVM, logging to $LOGS/<name>.log; with $PRELOAD (a wrk script) loads it for 5 s first;
# measures with wrk_measured; stops it. Keeps the server's pid in $pid for the caller's EXIT trap.
# A row whose name $CONFIGS (names, space separated) leaves out is skipped.
wrk_row() {
    local name=$1 jar=$2 script=$3
    shift 3
    if [ -n "${CONFIGS:-}" ] && [[ " $CONFIGS " != *" $name "* ]]; then
        return 0
    fi
    env MATCHMAKING_PORT=8080 "$@" java "${JVM[@]}" -jar "$jar" > "$LOGS/$name.log" 2>&1 &
    pid=$!
    await_port 8080
    if [ -n "${PRELOAD:-}" ]; then
        wrk -t1 -c"$CONNECTIONS" -d5s -s "$PRELOAD" http://127.0.0.1:8080 > /dev/null
    fi
    wrk_measured "$script" http://127.0.0.1:8080 "$LOGS/$name.wrk" "server:$pid"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    printf '%-28s %8d req/s  p99 %6.1f ms  server CPU %6.1f us/request  errors %s\n' "$name" \
        "$(wrk_rps "$LOGS/$name.wrk")" "$(wrk_p99 "$LOGS/$name.wrk")" "$(cpu_of "$LOGS/$name.wrk" server)" "$(wrk_errors "$LOGS/$name.wrk")"
}
