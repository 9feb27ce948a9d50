package io.trendline.backtest.optimize;

import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.Trade;
import io.trendline.backtest.metrics.Metrics;
import io.trendline.backtest.metrics.PerformanceCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs parameter searches and walk-forward analyses on a fixed number of threads (by default, every core). */
public final class Optimizer {

    private final int threads;

    public Optimizer() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public Optimizer(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("need at least one thread");
        }
        this.threads = threads;
    }

    /** Tries the search's points of {@code space} on {@code base}'s strategy and execution rules. */
    public SearchResult search(BacktestSpec base, BarSeries bars, ParameterSpace space, Search search,
                               Objective objective, ProgressListener progress) {
        List<SortedMap<String, Double>> points = search.points(space);
        return run(base, bars, valid(base, points), points.size(), objective, progress, new AtomicInteger(),
                points.size());
    }

    /**
     * Walks forward through the bars: optimises each training window with {@code search}, then runs the winner on
     * the test window after it, with the training bars as warm-up only (no trades there), so every figure reported
     * as out of sample comes from bars the choice never saw.
     */
    public WalkForwardResult walkForward(BacktestSpec base, BarSeries bars, ParameterSpace space, Search search,
                                         Objective objective, WalkForward plan, ProgressListener progress) {
        List<SortedMap<String, Double>> points = search.points(space);
        List<SortedMap<String, Double>> valid = valid(base, points);
        int windows = plan.windows(bars.size());
        if (windows == 0) {
            throw new IllegalArgumentException("the " + bars.size() + " bars do not hold one training window of "
                    + plan.trainBars() + " and one test window of " + plan.testBars());
        }
        if (valid.isEmpty()) {
            throw new IllegalArgumentException("no valid parameter set in the space");
        }
        int total = windows * (points.size() + 1);
        AtomicInteger done = new AtomicInteger();
        double capital = base.execution().initialCapital();
        List<WalkForwardResult.Window> results = new ArrayList<>();
        List<Trade> trades = new ArrayList<>();
        double[] equity = new double[windows * plan.testBars()];
        long[] times = new long[equity.length];
        double level = capital;
        long inMarket = 0;
        for (int w = 0; w < windows; w++) {
            int trainFrom = plan.trainFrom(w);
            int testFrom = plan.testFrom(w);
            int testTo = testFrom + plan.testBars();
            SearchResult inSample = run(base, bars.slice(trainFrom, testFrom), valid, points.size(), objective,
                    progress, done, total);
            BacktestSpec chosen = base.withParameters(inSample.best().parameters())
                    .withExecution(base.execution().withTradeFrom(testFrom - trainFrom));
            BacktestResult test = Backtest.run(chosen, bars.slice(trainFrom, testTo));
            progress.onProgress(done.incrementAndGet(), total);
            inMarket += test.engineRun().barsInMarket();
            results.add(new WalkForwardResult.Window(trainFrom, testFrom, testTo, inSample.best(), test.metrics()));
            test.trades().forEach(t -> trades.add(shifted(t, trainFrom)));
            double[] curve = test.equityCurve();
            double scale = level / capital;
            for (int k = 0; k < curve.length; k++) {
                equity[w * plan.testBars() + k] = curve[k] * scale;
                times[w * plan.testBars() + k] = bars.openTime(testFrom + k);
            }
            level = equity[(w + 1) * plan.testBars() - 1];
        }
        int lastTested = results.get(windows - 1).testTo() - 1;
        double buyAndHold = bars.close(lastTested) / bars.close(plan.trainBars()) - 1;
        Metrics overall = PerformanceCalculator.compute(equity, 0, i -> times[i], bars.intervalMillis(), capital,
                trades, inMarket, PerformanceCalculator.periodsPerYear(bars.intervalMillis()), buyAndHold, false)
                .metrics();
        return new WalkForwardResult(List.copyOf(results), equity, overall, List.copyOf(trades));
    }

    private static Trade shifted(Trade t, int offset) {
        return new Trade(t.side(), t.quantity(), t.entryIndex() + offset, t.entryTime(), t.entryPrice(),
                t.entryFee(), t.exitIndex() + offset, t.exitTime(), t.exitPrice(), t.exitFee(), t.pnl(),
                t.returnFraction(), t.exitReason());
    }

    private static List<SortedMap<String, Double>> valid(BacktestSpec base, List<SortedMap<String, Double>> points) {
        List<SortedMap<String, Double>> valid = new ArrayList<>();
        for (SortedMap<String, Double> point : points) {
            if (base.strategy().violations(base.strategy().withDefaults(point)).isEmpty()) {
                valid.add(point);
            }
        }
        return valid;
    }

    private SearchResult run(BacktestSpec base, BarSeries bars, List<SortedMap<String, Double>> points, int tried,
                             Objective objective, ProgressListener progress, AtomicInteger done, int total) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(points.size(), 1)), r -> {
            Thread thread = new Thread(r, "backtest-optimizer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Evaluation>> futures = new ArrayList<>();
            for (SortedMap<String, Double> point : points) {
                Callable<Evaluation> task = () -> {
                    BacktestResult result = Backtest.run(base.withParameters(point), bars);
                    Metrics metrics = result.metrics();
                    progress.onProgress(done.incrementAndGet(), total);
                    return new Evaluation(result.spec().parameters(), objective.score(metrics), metrics);
                };
                futures.add(pool.submit(task));
            }
            int skipped = tried - points.size();
            for (int k = 0; k < skipped; k++) {
                progress.onProgress(done.incrementAndGet(), total);
            }
            List<Evaluation> evaluations = new ArrayList<>();
            Evaluation best = null;
            for (Future<Evaluation> future : futures) {
                Evaluation e = future.get();
                evaluations.add(e);
                if (best == null || Objective.better(e.score(), best.score())) {
                    best = e;
                }
            }
            return new SearchResult(objective, List.copyOf(evaluations), best, skipped);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a backtest of the search failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
