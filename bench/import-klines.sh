# import-klines: rows/s of the file importer on the two 1-minute files of ../shared/data/klines (261,416 rows) into a
# fresh klines_1m on the local ClickHouse engine; median of 3 after a warm-up. Measured together with import-vs-raw.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/java-bench.sh"
once import java_bench ingestion io.trendline.ingestion.bench.ImportBench "$(shared_klines)" \
    | grep '^import-klines '
