# authorized-request-p99: milliseconds, 99th percentile of GET /api/me with a bearer token (JWT verification, rate
# limiting, the controller), 20000 sequential requests after 2000 untimed ones; unauthenticated-request-p99 is the
# same loop on the public GET /actuator/health/liveness, the baseline without a token.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/security-lib.sh"
start_platform
java "$(dirname "$0")/SecurityLoad.java" authorized "$base_url" "${BENCH_WARMUP:-2000}" "${BENCH_COUNT:-20000}" \
    | grep -- '-p99 '
