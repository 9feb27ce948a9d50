# Runs a benchmark driver kept in a module's test sources (sourced by the market-data benchmark scripts).
# The module and the ones it needs are compiled by the reactor (never installed); the driver then runs in a plain
# JVM on that classpath, so Maven is not part of what is measured.

# java_bench MODULE MAIN_CLASS [ARGS...]: the driver's stdout (figures) on stdout, the rest on stderr.
java_bench() {
    local module=$1 main=$2 cp
    shift 2
    cp=$(mktemp /tmp/trendline-bench-cp.XXXXXX)
    log "compiling $module and its test classes"
    # The module comes last in reactor order, so the file ends up holding its classpath.
    mvn -B -q -o -pl "$module" -am test-compile dependency:build-classpath -DskipFrontend=true \
        -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >&2 \
        || mvn -B -q -pl "$module" -am test-compile dependency:build-classpath -DskipFrontend=true \
            -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >&2
    local classpath="$module/target/test-classes:$module/target/classes:$(cat "$cp")"
    rm -f "$cp"
    java ${BENCH_JAVA_OPTS:--Xmx2g} -Daxoniq.update-checker.disabled=true -cp "$classpath" "$main" "$@"
}

# once KEY COMMAND...: runs the command once per `bench/run` invocation (keyed by its process id), so two figures
# of one measurement (import-klines and import-vs-raw) cost one run; the output is replayed for the second.
once() {
    local key=$1 out
    shift
    if ! ps -o args= -p "$PPID" 2>/dev/null | grep -q 'bench/run'; then
        "$@"  # run on its own: nothing to share
        return
    fi
    for stale in /tmp/trendline-bench-*-*.out; do  # of bench/run invocations that are over
        [ -e "$stale" ] || continue
        local pid=${stale##*-}
        kill -0 "${pid%.out}" 2>/dev/null || rm -f "$stale"
    done
    out=/tmp/trendline-bench-$key-$PPID.out
    if [ ! -s "$out" ]; then
        "$@" > "$out.tmp"
        mv "$out.tmp" "$out"
    fi
    cat "$out"
}

# The real 1-minute files: $TRENDLINE_SHARED_DATA/klines, else the first shared/data/klines from here up (a
# worktree finds the repository's ../shared/data too).
shared_klines() {
    if [ -n "${TRENDLINE_SHARED_DATA:-}" ]; then echo "$TRENDLINE_SHARED_DATA/klines"; return; fi
    local dir
    dir=$(pwd)
    while [ "$dir" != / ]; do
        if [ -d "$dir/shared/data/klines" ]; then echo "$dir/shared/data/klines"; return; fi
        dir=$(dirname "$dir")
    done
    echo "shared/data/klines not found from $(pwd) up; set TRENDLINE_SHARED_DATA" >&2
    exit 1
}
