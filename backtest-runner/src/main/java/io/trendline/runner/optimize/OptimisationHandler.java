package io.trendline.runner.optimize;

import io.trendline.api.backtest.OptimisationResult;
import io.trendline.api.backtest.OptimisationResult.Candidate;
import io.trendline.api.backtest.OptimizeStrategyQuery;
import io.trendline.api.backtest.OptimizeStrategyQuery.ParameterSweep;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.metrics.Metrics;
import io.trendline.backtest.optimize.Evaluation;
import io.trendline.backtest.optimize.Objective;
import io.trendline.backtest.optimize.Optimizer;
import io.trendline.backtest.optimize.ParameterRange;
import io.trendline.backtest.optimize.ParameterSpace;
import io.trendline.backtest.optimize.ProgressListener;
import io.trendline.backtest.optimize.Search;
import io.trendline.backtest.optimize.SearchResult;
import io.trendline.backtest.optimize.WalkForward;
import io.trendline.backtest.optimize.WalkForwardResult;
import io.trendline.runner.bars.BarReader;
import io.trendline.runner.run.ProgressBoard;
import io.trendline.runner.run.RunRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs parameter searches for {@link OptimizeStrategyQuery} with the library's {@link Optimizer} on every core. The
 * bars are read once, with the warm-up the largest swept values need, so every point is judged on the same bars
 * from the same first traded bar. A search is bounded ({@code trendline.backtest.optimisation.max-points}) so one
 * request cannot occupy the runner for long.
 */
@Component
class OptimisationHandler {

    static final int TOP = 20;

    private final BarReader bars;
    private final ProgressBoard progress;
    private final int maxPoints;

    OptimisationHandler(BarReader bars, ProgressBoard progress,
                        @Value("${trendline.backtest.optimisation.max-points:2000}") int maxPoints) {
        this.bars = bars;
        this.progress = progress;
        this.maxPoints = maxPoints;
    }

    /** The search; whatever refuses or fails it is reported as FAILED too, so a follower's stream ends. */
    @QueryHandler
    OptimisationResult handle(OptimizeStrategyQuery query) {
        try {
            return search(query);
        } catch (RuntimeException e) {
            progress.report(query.optimisationId(), "FAILED", 1, e.getMessage());
            throw e;
        }
    }

    private OptimisationResult search(OptimizeStrategyQuery query) {
        String id = query.optimisationId();
        ParameterSpace space = space(query.sweeps());
        Search search = "RANDOM".equalsIgnoreCase(query.search()) ? Search.random(query.samples(), query.seed())
                : Search.grid();
        long points = search.kind() == Search.Kind.GRID ? space.size() : Math.min(space.size(), query.samples());
        if (points > maxPoints) {
            throw new IllegalArgumentException("the search has " + points + " points; at most " + maxPoints
                    + " are run at once (narrow the sweeps or sample at random)");
        }
        Objective objective = Objective.valueOf(query.objective().toUpperCase(Locale.ROOT));
        Map<String, BigDecimal> widest = new TreeMap<>(query.fixed() == null ? Map.of() : query.fixed());
        query.sweeps().forEach((name, sweep) -> widest.put(name, sweep.to()));
        RunRequest request = RunRequest.of(query.type(), query.symbol(), widest, query.interval(), query.from(),
                query.to(), query.initialCapital(), query.feeBps(), query.slippageBps());
        progress.report(id, "LOADING_BARS", 0.02, "reading " + query.symbol() + " " + query.interval() + " bars");
        BarSeries series = bars.read(request.symbol(), request.interval(), request.readFrom(), request.to());
        if (request.firstTradingBar(series) >= series.size()) {
            throw new IllegalArgumentException("no " + query.symbol() + " bars between " + query.from() + " and "
                    + query.to());
        }
        BacktestSpec base = request.specFor(series).withParameters(fixedOnly(query));
        ProgressListener listener = throttled(id);
        Optimizer optimizer = new Optimizer();
        SearchResult result = optimizer.search(base, series, space, search, objective, listener);
        OptimisationResult.WalkForward walkForward = null;
        if (query.walkForward() != null) {
            WalkForwardResult wf = optimizer.walkForward(base, series, space, search, objective,
                    WalkForward.rolling(query.walkForward().trainBars(), query.walkForward().testBars()), listener);
            walkForward = walkForward(wf);
        }
        progress.report(id, "COMPLETED", 1, result.evaluations().size() + " parameter sets run");
        List<Candidate> top = result.evaluations().stream()
                .sorted(Comparator.comparingDouble((Evaluation e) -> Double.isNaN(e.score())
                        ? Double.NEGATIVE_INFINITY : e.score()).reversed())
                .limit(TOP).map(OptimisationHandler::candidate).toList();
        return new OptimisationResult(id, objective.name(), series.size() - request.firstTradingBar(series),
                result.evaluations().size(), result.skipped(), top, walkForward);
    }

    private static Map<String, BigDecimal> fixedOnlyMap(OptimizeStrategyQuery query) {
        Map<String, BigDecimal> fixed = new TreeMap<>(query.fixed() == null ? Map.of() : query.fixed());
        query.sweeps().keySet().forEach(fixed::remove);
        return fixed;
    }

    private static Map<String, Double> fixedOnly(OptimizeStrategyQuery query) {
        Map<String, Double> values = new TreeMap<>();
        fixedOnlyMap(query).forEach((name, value) -> values.put(name, value.doubleValue()));
        return values;
    }

    private static ParameterSpace space(Map<String, ParameterSweep> sweeps) {
        if (sweeps == null || sweeps.isEmpty()) {
            throw new IllegalArgumentException("sweep at least one parameter");
        }
        List<ParameterRange> ranges = new ArrayList<>();
        new TreeMap<>(sweeps).forEach((name, sweep) -> {
            if (sweep.step() == null || sweep.step().signum() <= 0 || sweep.from().compareTo(sweep.to()) > 0) {
                throw new IllegalArgumentException(name + ": a sweep needs from <= to and a positive step");
            }
            List<Double> values = new ArrayList<>();
            for (BigDecimal v = sweep.from(); v.compareTo(sweep.to()) <= 0 && values.size() <= 10_000;
                 v = v.add(sweep.step())) {
                values.add(v.doubleValue());
            }
            ranges.add(ParameterRange.of(name, values.stream().mapToDouble(Double::doubleValue).toArray()));
        });
        return new ParameterSpace(ranges);
    }

    /** Reports at most every 2 % of the points, from the optimiser's worker threads. */
    private ProgressListener throttled(String id) {
        AtomicInteger reported = new AtomicInteger(-1);
        return (done, total) -> {
            int percent = (int) (100L * done / Math.max(total, 1));
            int last = reported.get();
            if (percent >= last + 2 && reported.compareAndSet(last, percent)) {
                progress.report(id, "RUNNING", 0.05 + 0.9 * done / Math.max(total, 1), done + " of " + total
                        + " backtests run");
            }
        };
    }

    private static Candidate candidate(Evaluation e) {
        Metrics m = e.metrics();
        return new Candidate(new TreeMap<>(e.parameters()), finite(e.score()), finite(m.totalReturn()),
                finite(m.sharpe()), finite(m.maxDrawdown()), m.trades());
    }

    private static OptimisationResult.WalkForward walkForward(WalkForwardResult wf) {
        List<OptimisationResult.Window> windows = wf.windows().stream().map(w -> new OptimisationResult.Window(
                w.trainFrom(), w.testFrom(), w.testTo(), new TreeMap<>(w.inSample().parameters()),
                finite(w.inSample().score()), finite(w.outOfSample().totalReturn()),
                finite(w.outOfSample().sharpe()))).toList();
        Metrics m = wf.outOfSample();
        return new OptimisationResult.WalkForward(windows, finite(m.totalReturn()), finite(m.sharpe()),
                finite(m.maxDrawdown()), m.trades());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
