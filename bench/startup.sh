# startup: seconds from `./trendline run` to a healthy platform, after the first build, on a fresh data directory
# (PostgreSQL initdb, Kafka format and ClickHouse's first start included); restart: the same on existing data.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_built

port=${BENCH_PORT:-18080}
require_free_port "$port"
data=$(mktemp -d /tmp/trendline-bench-startup.XXXXXX)
export TRENDLINE_DATA_DIR=$data TRENDLINE_PORT=$port
export TRENDLINE_POSTGRES_PORT=0 TRENDLINE_KAFKA_PORT=0 TRENDLINE_KAFKA_CONTROLLER_PORT=0 TRENDLINE_CLICKHOUSE_PORT=0

measure() {
    local start pid seconds
    start=$(now_ms)
    ./trendline run > "$data/run-$1.log" 2>&1 &
    pid=$!
    if ! await_up "http://127.0.0.1:$port/actuator/health" 180; then
        kill "$pid" 2>/dev/null || true
        log "not healthy within 180 s; log in $data/run-$1.log"
        exit 1
    fi
    seconds=$(awk -v ms=$(( $(now_ms) - start )) 'BEGIN { printf "%.1f", ms / 1000 }')
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo "$1 $seconds s"
}

measure startup
measure restart
rm -rf "$data"
