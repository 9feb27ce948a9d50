package io.trendline.backtest;

import io.trendline.backtest.engine.BarByBarEngine;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ColumnarEngine;
import io.trendline.backtest.engine.EngineRun;

/**
 * Runs backtests. {@link #run} takes the columnar fast path; {@link #runBarByBar} takes the general bar loop, where
 * the strategy is handed one closed bar at a time. Both give byte-identical results (the tests hold them to it), so
 * either can verify the other.
 */
public final class Backtest {

    /**
     * The engine's version, part of every input digest. Raise it with any change that can alter a result for the
     * same inputs, so an old run re-verified by a newer engine says why its digests differ.
     */
    public static final String ENGINE_VERSION = "trendline-backtest/1";

    private Backtest() {
    }

    public static BacktestResult run(BacktestSpec spec, BarSeries bars) {
        check(spec, bars);
        EngineRun run = ColumnarEngine.run(bars, spec.execution(), spec.strategy().create(spec.parameters()));
        return new BacktestResult(spec, bars, run);
    }

    public static BacktestResult runBarByBar(BacktestSpec spec, BarSeries bars) {
        check(spec, bars);
        EngineRun run = BarByBarEngine.run(bars, spec.execution(), spec.strategy().create(spec.parameters()));
        return new BacktestResult(spec, bars, run);
    }

    private static void check(BacktestSpec spec, BarSeries bars) {
        if (bars.size() == 0) {
            throw new IllegalArgumentException("no bars in the requested range");
        }
        if (spec.execution().tradeFrom() >= bars.size()) {
            throw new IllegalArgumentException("tradeFrom " + spec.execution().tradeFrom() + " leaves none of the "
                    + bars.size() + " bars to trade on");
        }
    }
}
