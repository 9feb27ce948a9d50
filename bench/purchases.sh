# purchases: completed or compensated premium purchases per second with 200 in flight. Runs ConcurrentPurchasesTest in
# its benchmark mode: the whole platform in one JVM on the local stack (PostgreSQL, Kafka, ClickHouse), 200 users each
# sending one purchase over HTTP at once (64 client threads), fast-answering test cards (70 % approve, the rest
# declined, insufficient funds or processor error), simulated processor latency 10 ms, 6 payment workers. The time
# runs from the first request until the last purchase is COMPLETED or CANCELLED in the read model; building and
# starting the platform are not measured.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

out=$(mktemp /tmp/trendline-bench-purchases.XXXXXX)
log "running ConcurrentPurchasesTest in benchmark mode (a few minutes: build, platform start, 200 users)"
if ! mvn -B -q -pl standalone -am test -DskipFrontend=true -Dtest=ConcurrentPurchasesTest \
        -Dsurefire.failIfNoSpecifiedTests=false -Dtrendline.bench.purchases="$out" >&2; then
    log "the benchmark run failed; see standalone/target/surefire-reports"
    exit 1
fi
cat "$out"
rm -f "$out"
