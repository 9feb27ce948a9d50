# backtest-e2e: one year of 1-minute bars through the packaged platform, from the RequestBacktest command to
# BacktestCompleted (milliseconds, median of BENCH_COUNT runs after BENCH_WARMUP untimed ones), and its ratio to only
# reading those bars from ClickHouse (same query as the runner, over HTTP into memory, interleaved with the runs).
# Prints backtest-e2e-p50, backtest-e2e-read-p50 and backtest-e2e-vs-read.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_built
port=${BENCH_PORT:-18082}
ch_port=${BENCH_CLICKHOUSE_PORT:-18125}
require_free_port "$port"
require_free_port "$ch_port"
data=$(mktemp -d /tmp/trendline-bench-backtest.XXXXXX)
# A year in one run is beyond the free plan's 90 days: the benchmark lifts the plan limits.
TRENDLINE_DATA_DIR=$data TRENDLINE_PORT=$port TRENDLINE_POSTGRES_PORT=0 TRENDLINE_KAFKA_PORT=0 \
    TRENDLINE_KAFKA_CONTROLLER_PORT=0 TRENDLINE_CLICKHOUSE_PORT=$ch_port \
    TRENDLINE_BACKTEST_FREE_MAX_RANGE=400d TRENDLINE_BACKTEST_FREE_RUNS_PER_DAY=0 \
    java -Xmx2g -Daxoniq.update-checker.disabled=true -jar standalone/target/trendline-standalone.jar \
    > "$data/run.log" 2>&1 &
pid=$!
cleanup() {
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    # The platform's log has each run's phases (read, run, digest, store, answer).
    grep 'Backtest .* completed' "$data/run.log" | sed 's/^/[bench] /' >&2 || true
    rm -rf "$data"
}
trap cleanup EXIT
if ! await_up "http://127.0.0.1:$port/actuator/health" 180; then
    log "not healthy within 180 s; log in $data/run.log"
    cp "$data/run.log" /tmp/trendline-bench-backtest.log 2>/dev/null || true
    exit 1
fi
java "$(dirname "$0")/BacktestLoad.java" "http://127.0.0.1:$port" "http://127.0.0.1:$ch_port" \
    "${BENCH_WARMUP:-2}" "${BENCH_COUNT:-7}"
