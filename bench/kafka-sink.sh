# kafka-sink: rows/s of the Kafka -> ClickHouse sink, sustained: the two real 1-minute files produced 1 + 4 times under
# distinct symbols (Kline JSON records) before the sink starts; the first copy (BENCH_SINK_WARMUP) warms the JIT
# untimed, the other 4 (1,045,664 records) are timed to the last stored row, in the ingestion service's Spring
# context on the local stack. Goal >= 300,000.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/java-bench.sh"
java_bench ingestion io.trendline.ingestion.bench.KafkaSinkBench "$(shared_klines)" \
    "${BENCH_SINK_COPIES:-4}" "${BENCH_SINK_CONCURRENCY:-1}" "${BENCH_SINK_WARMUP:-1}" | grep '^kafka-sink '
