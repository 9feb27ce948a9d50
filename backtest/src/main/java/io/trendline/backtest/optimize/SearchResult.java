package io.trendline.backtest.optimize;

import java.util.List;

/**
 * The evaluations of a search in search order, the best of them (ties to the earlier), and the parameter sets
 * skipped because the strategy refuses them (such as a fast period not below the slow one). {@code best} is null
 * only when every point was skipped.
 */
public record SearchResult(Objective objective, List<Evaluation> evaluations, Evaluation best, int skipped) {
}
