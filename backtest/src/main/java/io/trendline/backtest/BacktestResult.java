package io.trendline.backtest;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.EngineRun;
import io.trendline.backtest.engine.Gap;
import io.trendline.backtest.engine.Trade;
import io.trendline.backtest.metrics.Metrics;
import io.trendline.backtest.metrics.Performance;
import io.trendline.backtest.metrics.PerformanceCalculator;
import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one run. Metrics and digests are computed on first use, so an optimiser that only needs one
 * figure does not pay for hashing a million bars.
 */
public final class BacktestResult {

    private final BacktestSpec spec;
    private final BarSeries bars;
    private final EngineRun run;
    private volatile Performance performance;
    private volatile Metrics metrics;
    private volatile Digests digests;

    BacktestResult(BacktestSpec spec, BarSeries bars, EngineRun run) {
        this.spec = spec;
        this.bars = bars;
        this.run = run;
    }

    public BacktestSpec spec() {
        return spec;
    }

    public BarSeries bars() {
        return bars;
    }

    public List<Trade> trades() {
        return run.trades();
    }

    /** Equity at each bar's close from {@link #firstTradingBar()} on. */
    public double[] equityCurve() {
        double[] all = run.equity();
        return Arrays.copyOfRange(all, run.from(), all.length);
    }

    public int firstTradingBar() {
        return run.from();
    }

    public double finalEquity() {
        return run.curve().last();
    }

    /** Gaps in the bars, reported, never filled. */
    public List<Gap> gaps() {
        return bars.gaps();
    }

    public EngineRun engineRun() {
        return run;
    }

    public Metrics metrics() {
        Performance p = performance;
        if (p != null) {
            return p.metrics();
        }
        Metrics m = metrics;
        if (m == null) {
            m = PerformanceCalculator.metricsOf(run, bars, spec.execution().initialCapital());
            metrics = m;
        }
        return m;
    }

    /** The drawdown at each bar's close from {@link #firstTradingBar()} on. */
    public double[] drawdownCurve() {
        return performance().drawdown().clone();
    }

    public Performance performance() {
        Performance p = performance;
        if (p == null) {
            p = PerformanceCalculator.of(run, bars, spec.execution().initialCapital());
            performance = p;
        }
        return p;
    }

    public Digests digests() {
        Digests d = digests;
        if (d == null) {
            d = Digests.of(spec, bars, run);
            digests = d;
        }
        return d;
    }

    /** The canonical bytes of the trade list, the form its digest is taken of. */
    public byte[] canonicalTrades() {
        return Canonical.trades(run.trades());
    }

    /** The canonical bytes of the equity curve, the form its digest is taken of. */
    public byte[] canonicalEquity() {
        return Canonical.equity(run.equity(), run.from());
    }
}
