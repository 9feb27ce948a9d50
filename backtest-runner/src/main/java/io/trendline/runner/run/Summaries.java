package io.trendline.runner.run;

import io.trendline.api.strategy.BacktestDigests;
import io.trendline.api.strategy.BacktestSummary;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.Digests;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.metrics.Metrics;
import java.time.Instant;

/** The engine's result in the api's terms: figures without meaning (NaN, infinite) become null. */
public final class Summaries {

    private Summaries() {
    }

    public static BacktestSummary of(BacktestResult result) {
        Metrics m = result.metrics();
        BarSeries bars = result.bars();
        int warmup = result.firstTradingBar();
        return new BacktestSummary(bars.size() - warmup, warmup, Instant.ofEpochMilli(bars.openTime(warmup)),
                Instant.ofEpochMilli(bars.openTime(bars.size() - 1)), result.gaps().size(), finite(m.initialEquity()),
                finite(m.finalEquity()), finite(m.totalReturn()), finite(m.cagr()), finite(m.annualVolatility()),
                finite(m.sharpe()), finite(m.sortino()), finite(m.calmar()), finite(m.maxDrawdown()),
                m.maxDrawdownBars(), m.trades(), finite(m.winRate()), finite(m.profitFactor()),
                finite(m.expectancy()), finite(m.averageTradeReturn()), finite(m.exposure()),
                finite(m.buyAndHoldReturn()), finite(m.excessReturn()));
    }

    public static BacktestDigests of(Digests d) {
        return new BacktestDigests(d.engineVersion(), d.spec(), d.bars(), d.trades(), d.equity(), d.input(),
                d.output());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
