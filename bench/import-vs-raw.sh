# import-vs-raw: the import-klines rate over that of a plain clickhouse-jdbc batch insert (PreparedStatement,
# addBatch, executeBatch per 65,536 rows) of the same rows, already parsed, in the same run. Goal >= 0.5.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/java-bench.sh"
once import java_bench ingestion io.trendline.ingestion.bench.ImportBench "$(shared_klines)" \
    | grep '^import-vs-raw '
