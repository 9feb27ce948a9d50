package io.trendline.backtest.optimize;

import io.trendline.backtest.metrics.Metrics;
import java.util.SortedMap;

/** One parameter set tried: its score under the objective and its metrics. */
public record Evaluation(SortedMap<String, Double> parameters, double score, Metrics metrics) {
}
