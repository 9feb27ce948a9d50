# Helpers shared by the benchmark scripts.

log() { echo "[bench] $*" >&2; }

# Builds the standalone jar when it is missing or stale (the build itself is not measured).
ensure_built() {
    if [ ! -f standalone/target/trendline-standalone.jar ] || [ "${BENCH_REBUILD:-}" = 1 ]; then
        log "building the standalone jar"
        ./trendline build >&2
    fi
}

now_ms() { date +%s%3N; }

# Waits until the URL answers 200 with "UP", up to $2 seconds; returns 1 on time-out.
await_up() {
    local url=$1 limit=$2 start
    start=$(date +%s)
    until curl -fsS "$url" 2>/dev/null | grep -q '"UP"'; do
        [ $(( $(date +%s) - start )) -lt "$limit" ] || return 1
        sleep 0.2
    done
}

# Fails fast when a port the benchmark needs is already taken.
require_free_port() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "port $1 is taken; free it or set the benchmark's port variable" >&2
        exit 1
    fi
}
