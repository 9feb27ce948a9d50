# login-p99: milliseconds, 99th percentile of POST /api/auth/login (BCrypt at the configured cost, default 10, plus
# the refresh-token insert and the JWT), 200 sequential logins after 20 untimed ones, on the packaged platform.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/security-lib.sh"
start_platform
java "$(dirname "$0")/SecurityLoad.java" login "$base_url" "${BENCH_WARMUP:-20}" "${BENCH_COUNT:-200}" \
    | grep '^login-p99 '
