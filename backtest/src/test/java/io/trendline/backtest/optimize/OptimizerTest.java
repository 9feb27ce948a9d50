package io.trendline.backtest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.trendline.backtest.Backtest;
import io.trendline.backtest.BacktestSpec;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.engine.Fees;
import io.trendline.backtest.strategy.StrategyKind;
import io.trendline.backtest.testing.RandomWalk;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static final BarSeries BARS = RandomWalk.minutes(20_000, 12, 0.002);
    private static final BacktestSpec BASE = BacktestSpec.of(StrategyKind.SMA_CROSSOVER, Map.of(),
            ExecutionConfig.defaults().withFees(Fees.flat(0.0005)));
    private static final ParameterSpace SPACE = ParameterSpace.of(ParameterRange.ints("fast", 5, 30, 5),
            ParameterRange.ints("slow", 20, 100, 20));

    @Test
    void aGridSearchTriesEveryValidPointAndPicksTheBestByTheObjective() {
        // when
        SearchResult result = new Optimizer(2).search(BASE, BARS, SPACE, Search.grid(), Objective.SHARPE,
                ProgressListener.NONE);
        // then fast >= slow is refused by the strategy: (20, 20), (25, 20), (30, 20) are skipped
        assertThat(result.skipped()).isEqualTo(3);
        assertThat(result.evaluations()).hasSize(30 - 3);
        double best = Double.NEGATIVE_INFINITY;
        SortedMap<String, Double> bestPoint = null;
        for (long k = 0; k < SPACE.size(); k++) {
            SortedMap<String, Double> point = SPACE.point(k);
            if (point.get("fast") < point.get("slow")) {
                double sharpe = Backtest.run(BASE.withParameters(point), BARS).metrics().sharpe();
                if (sharpe > best) {
                    best = sharpe;
                    bestPoint = point;
                }
            }
        }
        assertThat(result.best().parameters()).isEqualTo(bestPoint);
        assertThat(result.best().score()).isEqualTo(best);
    }

    @Test
    void theOutcomeDoesNotDependOnTheNumberOfThreads() {
        // when
        SearchResult one = new Optimizer(1).search(BASE, BARS, SPACE, Search.grid(), Objective.CALMAR,
                ProgressListener.NONE);
        SearchResult two = new Optimizer(2).search(BASE, BARS, SPACE, Search.grid(), Objective.CALMAR,
                ProgressListener.NONE);
        // then
        assertThat(two).isEqualTo(one);
    }

    @Test
    void aRandomSearchDrawsDistinctPointsOfTheSpaceReproduciblyFromItsSeed() {
        // given
        ParameterSpace wide = ParameterSpace.of(ParameterRange.ints("fast", 2, 40, 1),
                ParameterRange.ints("slow", 41, 200, 1));
        // when
        SearchResult first = new Optimizer(2).search(BASE, BARS, wide, Search.random(12, 42), Objective.SHARPE,
                ProgressListener.NONE);
        SearchResult again = new Optimizer(2).search(BASE, BARS, wide, Search.random(12, 42), Objective.SHARPE,
                ProgressListener.NONE);
        SearchResult other = new Optimizer(2).search(BASE, BARS, wide, Search.random(12, 43), Objective.SHARPE,
                ProgressListener.NONE);
        // then
        assertThat(first).isEqualTo(again);
        assertThat(first.evaluations()).hasSize(12);
        assertThat(first.evaluations().stream().map(Evaluation::parameters).distinct()).hasSize(12);
        assertThat(first.evaluations()).allSatisfy(e -> {
            assertThat(e.parameters().get("fast")).isBetween(2.0, 40.0);
            assertThat(e.parameters().get("slow")).isBetween(41.0, 200.0);
        });
        assertThat(other.evaluations()).isNotEqualTo(first.evaluations());
    }

    @Test
    void progressIsReportedOncePerPointUpToTheTotal() {
        // given
        Set<Integer> reported = ConcurrentHashMap.newKeySet();
        Set<Integer> totals = ConcurrentHashMap.newKeySet();
        // when
        new Optimizer(2).search(BASE, BARS, SPACE, Search.grid(), Objective.TOTAL_RETURN, (done, total) -> {
            reported.add(done);
            totals.add(total);
        });
        // then
        assertThat(totals).containsExactly(30);
        assertThat(reported).hasSize(30).contains(1, 30);
    }

    @Test
    void walkForwardChoosesOnEachTrainingWindowAndReportsOnlyTheUnseenWindowAfterIt() {
        // given
        WalkForward plan = WalkForward.rolling(8_000, 3_000);
        ParameterSpace space = ParameterSpace.of(ParameterRange.ints("fast", 5, 15, 5),
                ParameterRange.ints("slow", 30, 60, 30));
        // when
        WalkForwardResult result = new Optimizer(2).walkForward(BASE, BARS, space, Search.grid(), Objective.SHARPE,
                plan, ProgressListener.NONE);
        // then the test windows tile bars 8,000 to 20,000
        assertThat(result.windows()).extracting(WalkForwardResult.Window::testFrom)
                .containsExactly(8_000, 11_000, 14_000, 17_000);
        assertThat(result.windows()).extracting(WalkForwardResult.Window::trainFrom)
                .containsExactly(0, 3_000, 6_000, 9_000);
        // and each window's choice is what a search of its training bars alone picks
        WalkForwardResult.Window second = result.windows().get(1);
        SearchResult alone = new Optimizer(1).search(BASE, BARS.slice(3_000, 11_000), space, Search.grid(),
                Objective.SHARPE, ProgressListener.NONE);
        assertThat(second.inSample()).isEqualTo(alone.best());
        // and every out-of-sample trade lies inside a test window
        assertThat(result.outOfSampleTrades()).isNotEmpty().allSatisfy(t -> assertThat(result.windows())
                .anySatisfy(w -> assertThat(t.entryIndex()).isBetween(w.testFrom(), w.testTo() - 1)));
        // and the chained curve compounds the windows' returns
        double compounded = result.windows().stream().mapToDouble(w -> 1 + w.outOfSample().totalReturn())
                .reduce(1, (a, b) -> a * b);
        assertThat(result.outOfSampleEquity()).hasSize(12_000);
        assertThat(1 + result.outOfSample().totalReturn()).isCloseTo(compounded, within(1e-9));
    }
}
