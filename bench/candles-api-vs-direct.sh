# candles-api-vs-direct: see CandlesApiBench (standalone test sources): 1-hour candles over 90 days of 1-minute data through
# the REST API with a token, and the same SQL straight to ClickHouse, interleaved in one run; p50 and p99 in ms, and
# the API's p50 over the direct p50 (goal <= 1.3). The three figures come from one measurement.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/java-bench.sh"
once candles-api java_bench standalone io.trendline.standalone.bench.CandlesApiBench \
    "${BENCH_WARMUP:-100}" "${BENCH_REQUESTS:-1000}" "$(shared_klines)" | grep '^candles-api-vs-direct '
