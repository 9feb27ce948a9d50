package io.trendline.api.backtest;

import java.util.List;
import java.util.Map;

/**
 * What a search found: the best {@code top} parameter sets by the objective (best first), how many points were run
 * and how many the strategy refused (fast not below slow); with a walk-forward plan, each window's choice and its
 * out-of-sample figures, and the out-of-sample figures of all test windows chained.
 */
public record OptimisationResult(String optimisationId, String objective, long bars, int evaluated, int skipped,
                                 List<Candidate> top, WalkForward walkForward) {

    /** One parameter set and its figures (fractions; null where a figure has no meaning). */
    public record Candidate(Map<String, Double> parameters, Double score, Double totalReturn, Double sharpe,
                            Double maxDrawdown, int trades) {
    }

    /** The out-of-sample result of a walk-forward analysis. */
    public record WalkForward(List<Window> windows, Double totalReturn, Double sharpe, Double maxDrawdown,
                              int trades) {
    }

    /** One window: the bar indices trained and tested on, the parameters chosen, what they did out of sample. */
    public record Window(int trainFrom, int testFrom, int testTo, Map<String, Double> chosen,
                         Double inSampleScore, Double outOfSampleReturn, Double outOfSampleSharpe) {
    }
}
