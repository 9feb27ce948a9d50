package io.trendline.backtest.bench;

import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.EngineRun;
import io.trendline.backtest.engine.EquityCurve;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.engine.Sizing;
import io.trendline.backtest.metrics.PerformanceCalculator;
import io.trendline.backtest.optimize.Objective;
import io.trendline.backtest.optimize.Optimizer;
import io.trendline.backtest.optimize.ParameterRange;
import io.trendline.backtest.optimize.ParameterSpace;
import io.trendline.backtest.optimize.ProgressListener;
import io.trendline.backtest.optimize.Search;
import io.trendline.backtest.optimize.SearchResult;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.backtest.testing.RandomWalk;
import io.trendline.backtest.testing.Ta4j;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The workload: SMA(10)/SMA(50) crossover, long only, 0.1 % fee per side, one unit a trade, filled at the
 * next bar's open, on 1,000,000 one-minute bars of a seeded geometric random walk (sigma 0.001 a minute). Each
 * figure is the median of timed repetitions after untimed warm-up ones; figures go to stdout as
 * {@code NAME VALUE UNIT}, details to stderr.
 *
 * <ul>
 *     <li>{@code backtest-single}: {@link Backtest#run} and the equity curve it gives, materialised (signals,
 *     fills, trades, one equity value a bar; metrics are computed on demand and measured apart), on one thread, in
 *     bars a second;</li>
 *     <li>{@code backtest-single-ta4j}: ta4j 0.17 on the same bars and rules, with its fastest number type
 *     (DoubleNum), in bars a second; skipped if one run takes over {@code ta4j.cap.seconds} (default 120);</li>
 *     <li>{@code backtest-grid}: a 25-point grid (fast 5..25, slow 50..150) through the {@link Optimizer} on 2
 *     threads, each point run and scored (Sharpe, so all metrics are computed), in bar-strategies a second;</li>
 *     <li>{@code metrics}: every metric and the drawdown curve of the single run's 1,000,000-point equity curve
 *     (as a plain array) and its trades, in milliseconds.</li>
 * </ul>
 */
public final class BacktestBenchmarks {

    private static final int BARS = 1_000_000;
    private static final long SEED = 2025;

    private BacktestBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        BarSeries bars = RandomWalk.minutes(BARS, SEED, 0.001);
        BacktestSpec spec = BacktestSpec.of(StrategyKind.SMA_CROSSOVER, Map.of("fast", 10, "slow", 50),
                ExecutionConfig.defaults().withFees(Fees.flat(0.001))
                        .withSizing(Sizing.fixedQuantity(1)));
        for (String name : args.length == 0 ? new String[] {"backtest-single", "backtest-grid", "metrics"} : args) {
            switch (name) {
                case "backtest-single" -> single(bars, spec);
                case "backtest-single-ta4j" -> ta4j(bars);
                case "backtest-grid" -> grid(bars, spec);
                case "metrics" -> metrics(bars, spec);
                default -> throw new IllegalArgumentException("unknown benchmark " + name);
            }
        }
    }

    private static void single(BarSeries bars, BacktestSpec spec) {
        BacktestResult result = Backtest.run(spec, bars);
        log("backtest-single: %d trades, final equity %.4f", result.trades().size(), result.finalEquity());
        median("backtest-single (curve left in pieces)", 30, 50, () -> {
            long start = System.nanoTime();
            int trades = Backtest.run(spec, bars).trades().size();
            return System.nanoTime() - start + (trades < 0 ? 1 : 0);
        });
        double seconds = median("backtest-single", 30, 50, () -> {
            long start = System.nanoTime();
            double[] equity = Backtest.run(spec, bars).engineRun().equity();
            return System.nanoTime() - start + (equity.length < 0 ? 1 : 0);
        });
        figure("backtest-single", BARS / seconds, "bars/s");
    }

    private static void grid(BarSeries bars, BacktestSpec spec) {
        ParameterSpace space = ParameterSpace.of(ParameterRange.ints("fast", 5, 25, 5),
                ParameterRange.ints("slow", 50, 150, 25));
        Optimizer optimizer = new Optimizer(2);
        SearchResult result = optimizer.search(spec, bars, space, Search.grid(), Objective.SHARPE,
                ProgressListener.NONE);
        log("backtest-grid: %d points, best %s (Sharpe %.3f)", result.evaluations().size(),
                result.best().parameters(), result.best().score());
        double seconds = median("backtest-grid", 10, 10, () -> {
            long start = System.nanoTime();
            optimizer.search(spec, bars, space, Search.grid(), Objective.SHARPE, ProgressListener.NONE);
            return System.nanoTime() - start;
        });
        figure("backtest-grid", 25.0 * BARS / seconds, "bar-strategies/s");
    }

    private static void metrics(BarSeries bars, BacktestSpec spec) {
        EngineRun result = Backtest.run(spec, bars).engineRun();
        EngineRun run = new EngineRun(result.trades(), EquityCurve.of(result.equity().clone(), result.from()),
                result.barsInMarket());
        log("metrics: %d-point curve, %d trades", run.equity().length - run.from(), run.trades().size());
        double seconds = median("metrics", 30, 50, () -> {
            long start = System.nanoTime();
            PerformanceCalculator.of(run, bars, spec.execution().initialCapital());
            return System.nanoTime() - start;
        });
        figure("metrics", seconds * 1000, "ms");
    }

    private static void ta4j(BarSeries bars) throws Exception {
        long cap = Long.getLong("ta4j.cap.seconds", 120);
        org.ta4j.core.BarSeries series = Ta4j.doubles(bars);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ta4j");
            t.setDaemon(true);
            return t;
        });
        double[] times = new double[5];
        int positions = 0;
        for (int run = -1; run < times.length; run++) {
            Future<int[]> timed = worker.submit(() -> {
                long start = System.nanoTime();
                ClosePriceIndicator close = new ClosePriceIndicator(series);
                SMAIndicator fast = new SMAIndicator(close, 10);
                SMAIndicator slow = new SMAIndicator(close, 50);
                BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(0.001),
                        new ZeroCostModel(), new TradeOnNextOpenModel());
                int count = manager.run(new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
                        new CrossedDownIndicatorRule(fast, slow), 50), TradeType.BUY, series.numOf(1))
                        .getPositionCount();
                return new int[] {count, (int) ((System.nanoTime() - start) / 1000)};
            });
            try {
                int[] outcome = timed.get(cap, TimeUnit.SECONDS);
                positions = outcome[0];
                if (run >= 0) {
                    times[run] = outcome[1] / 1e6;
                }
            } catch (TimeoutException e) {
                log("backtest-single-ta4j: one run took over %d s; no figure", cap);
                return;
            }
        }
        Arrays.sort(times);
        log("backtest-single-ta4j: %d positions, runs %s s", positions, Arrays.toString(times));
        figure("backtest-single-ta4j", BARS / times[times.length / 2], "bars/s");
    }

    /** Runs {@code warmups} untimed, then {@code runs} timed repetitions; answers the median in seconds. */
    private static double median(String name, int warmups, int runs, LongSupplier nanos) {
        for (int i = 0; i < warmups; i++) {
            nanos.getAsLong();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = nanos.getAsLong() / 1e9;
        }
        Arrays.sort(seconds);
        log("%s: min %.3f ms, median %.3f ms, max %.3f ms over %d runs", name, seconds[0] * 1000,
                seconds[runs / 2] * 1000, seconds[runs - 1] * 1000, runs);
        return seconds[runs / 2];
    }

    private static void figure(String name, double value, String unit) {
        System.out.println(name + " " + String.format(Locale.ROOT, value >= 1000 ? "%.0f" : "%.2f", value) + " "
                + unit);
    }

    private static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
