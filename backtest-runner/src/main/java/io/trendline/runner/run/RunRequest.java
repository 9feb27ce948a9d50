package io.trendline.runner.run;

import io.trendline.api.strategy.BacktestRequestedEvent;
import io.trendline.api.strategy.StrategyType;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.engine.Slippage;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.runner.bars.BarInterval;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link BacktestRequestedEvent} turned into what the engine runs: the strategy kind and parameters, the execution
 * rules (capital, fees and slippage in basis points per side, fill at the next bar's open, all equity in each trade,
 * long only, a position still open at the end closed at the last close), and the bars to read: the requested range
 * plus {@code warmupBars} before it, so the indicators are settled when trading starts at {@code from}.
 */
public record RunRequest(BacktestSpec spec, String symbol, BarInterval interval, Instant from, Instant to,
                         int warmupBars) {

    /** Warm-up is capped so a 5,000-bar window at 1w does not reach back a century. */
    static final int MAX_WARMUP_BARS = 5_000;

    /** @throws IllegalArgumentException with the reason when the request cannot be run */
    public static RunRequest of(BacktestRequestedEvent event) {
        return of(event.type(), event.symbol(), event.parameters(), event.interval(), event.from(), event.to(),
                event.initialCapital(), event.feeBps(), event.slippageBps());
    }

    /** @throws IllegalArgumentException with the reason when the request cannot be run */
    public static RunRequest of(StrategyType type, String symbol, Map<String, BigDecimal> given, String intervalCode,
                                Instant from, Instant to, BigDecimal initialCapital, BigDecimal feeBps,
                                BigDecimal slippageBps) {
        BarInterval interval = BarInterval.of(intervalCode)
                .orElseThrow(() -> new IllegalArgumentException("unknown interval " + intervalCode));
        StrategyKind kind = StrategyKind.valueOf(type.name());
        Map<String, Double> parameters = new TreeMap<>();
        if (given != null) {
            given.forEach((name, value) -> parameters.put(name, value.doubleValue()));
        }
        double fee = bps(feeBps);
        ExecutionConfig execution = ExecutionConfig.defaults()
                .withInitialCapital(initialCapital.doubleValue())
                .withFees(Fees.basisPoints(fee, fee))
                .withSlippage(bps(slippageBps) == 0 ? Slippage.none() : Slippage.basisPoints(bps(slippageBps)));
        BacktestSpec spec = BacktestSpec.of(kind, parameters, execution);
        return new RunRequest(spec, symbol, interval, from, to, warmupBars(kind, spec.parameters()));
    }

    private static double bps(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }

    /** The longest look-back of the strategy's indicators (MACD: its slow average and its signal line). */
    static int warmupBars(StrategyKind kind, Map<String, Double> parameters) {
        double bars = switch (kind) {
            case SMA_CROSSOVER, EMA_CROSSOVER -> parameters.get("slow");
            case RSI_MEAN_REVERSION, BOLLINGER_BREAKOUT -> parameters.get("period") + 1;
            case MACD -> parameters.get("slow") + parameters.get("signal");
            case BUY_AND_HOLD -> 0;
        };
        return (int) Math.min(MAX_WARMUP_BARS, bars);
    }

    /** The start of the bars to read: {@code warmupBars} intervals before {@code from}. */
    public Instant readFrom() {
        return from.minusMillis(warmupBars * interval.millis());
    }

    /** The index of the first bar at or after {@code from}: the bars before it only warm up. */
    public int firstTradingBar(BarSeries bars) {
        long start = from.toEpochMilli();
        int i = 0;
        while (i < bars.size() && bars.openTime(i) < start) {
            i++;
        }
        return i;
    }

    /** The spec to run on {@code bars}: trading starts at the first bar of the requested range. */
    public BacktestSpec specFor(BarSeries bars) {
        return spec.withExecution(spec.execution().withTradeFrom(firstTradingBar(bars)));
    }
}
