# Starts the packaged platform for the security benchmarks on BENCH_PORT (default 18081) with a fresh data
# directory, its engines on free ports, and rate limits raised out of the way (the limiter still runs on every
# request: its cost is part of what is measured). stop_platform kills only the process started here.

start_platform() {
    ensure_built
    port=${BENCH_PORT:-18081}
    require_free_port "$port"
    data=$(mktemp -d /tmp/trendline-bench-security.XXXXXX)
    TRENDLINE_DATA_DIR=$data TRENDLINE_PORT=$port TRENDLINE_POSTGRES_PORT=0 TRENDLINE_KAFKA_PORT=0 \
        TRENDLINE_KAFKA_CONTROLLER_PORT=0 TRENDLINE_CLICKHOUSE_PORT=0 \
        TRENDLINE_RATE_LIMIT_PER_USER=100000000 TRENDLINE_RATE_LIMIT_PER_ADDRESS=100000000 \
        TRENDLINE_RATE_LIMIT_AUTH_PER_ADDRESS=100000000 \
        java -Xmx1g -Daxoniq.update-checker.disabled=true -jar standalone/target/trendline-standalone.jar \
        > "$data/run.log" 2>&1 &
    platform_pid=$!
    trap stop_platform EXIT
    if ! await_up "http://127.0.0.1:$port/actuator/health" 180; then
        log "not healthy within 180 s; log in $data/run.log"
        exit 1
    fi
    base_url="http://127.0.0.1:$port"
}

stop_platform() {
    if [ -n "${platform_pid:-}" ] && kill -0 "$platform_pid" 2>/dev/null; then
        kill "$platform_pid"
        wait "$platform_pid" 2>/dev/null || true
    fi
    [ -n "${data:-}" ] && rm -rf "$data"
    platform_pid=
}
