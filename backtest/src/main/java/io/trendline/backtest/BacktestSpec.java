package io.trendline.backtest;

import io.trendline.backtest.engine.ExecutionConfig;
import io.trendline.backtest.strategy.StrategyKind;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What to backtest: a strategy kind, its parameters (defaults filled in, sorted by name) and the execution rules.
 * Refuses an invalid parameter set with every reason in the message.
 */
public record BacktestSpec(StrategyKind strategy, SortedMap<String, Double> parameters, ExecutionConfig execution) {

    public BacktestSpec {
        if (strategy == null || execution == null) {
            throw new IllegalArgumentException("a spec needs a strategy and execution rules");
        }
        parameters = Collections.unmodifiableSortedMap(strategy.withDefaults(parameters));
        List<String> problems = strategy.violations(parameters);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(strategy + ": " + String.join("; ", problems));
        }
    }

    public static BacktestSpec of(StrategyKind strategy, Map<String, ? extends Number> parameters,
                                  ExecutionConfig execution) {
        return new BacktestSpec(strategy, strategy.withDefaults(parameters), execution);
    }

    public BacktestSpec withParameters(Map<String, ? extends Number> values) {
        return of(strategy, values, execution);
    }

    public BacktestSpec withExecution(ExecutionConfig value) {
        return new BacktestSpec(strategy, parameters, value);
    }
}
