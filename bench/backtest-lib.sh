# Helpers for the backtest engine's benchmarks: they run the engine as a library, in a plain harness
# (io.trendline.backtest.bench.BacktestBenchmarks, in the backtest module's test sources), not the platform.

# Compiles the backtest module with its tests and runs the harness with the given benchmark names.
# BENCH_JAVA_OPTS overrides the JVM options (default: a fixed 4 GB heap, parallel GC, heap touched up front, so
# that neither heap growth nor page faults land in the timed runs).
backtest_bench() {
    local classpath=backtest/target/bench-classpath.txt
    log "compiling the backtest module and its benchmark harness"
    mvn -B -q -ntp -pl backtest -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile="$(pwd)/$classpath" >&2
    # shellcheck disable=SC2086
    java ${BENCH_JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseParallelGC -XX:+AlwaysPreTouch} \
        -cp "backtest/target/classes:backtest/target/test-classes:$(cat "$classpath")" \
        io.trendline.backtest.bench.BacktestBenchmarks "$@"
}
