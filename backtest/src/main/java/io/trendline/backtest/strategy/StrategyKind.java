package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.SignalStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** The strategies the engine runs, by the names and parameters of the api's {@code StrategyType}. */
public enum StrategyKind {

    SMA_CROSSOVER(List.of(Parameter.integer("fast", 1, 1000, 10), Parameter.integer("slow", 2, 5000, 50)),
            p -> new SmaCrossover(i(p, "fast"), i(p, "slow"))),
    EMA_CROSSOVER(List.of(Parameter.integer("fast", 1, 1000, 12), Parameter.integer("slow", 2, 5000, 26)),
            p -> new EmaCrossover(i(p, "fast"), i(p, "slow"))),
    RSI_MEAN_REVERSION(List.of(Parameter.integer("period", 2, 500, 14), Parameter.decimal("oversold", 1, 50, 30),
            Parameter.decimal("overbought", 50, 99, 70)),
            p -> new RsiMeanReversion(i(p, "period"), p.get("oversold"), p.get("overbought"))),
    BOLLINGER_BREAKOUT(List.of(Parameter.integer("period", 2, 1000, 20), Parameter.decimal("stdDevs", 0.5, 5, 2)),
            p -> new BollingerBreakout(i(p, "period"), p.get("stdDevs"))),
    MACD(List.of(Parameter.integer("fast", 1, 500, 12), Parameter.integer("slow", 2, 1000, 26),
            Parameter.integer("signal", 1, 500, 9)),
            p -> new MacdCrossover(i(p, "fast"), i(p, "slow"), i(p, "signal"))),
    BUY_AND_HOLD(List.of(), p -> new BuyAndHold());

    private final List<Parameter> parameters;
    private final Function<Map<String, Double>, SignalStrategy> factory;

    StrategyKind(List<Parameter> parameters, Function<Map<String, Double>, SignalStrategy> factory) {
        this.parameters = parameters;
        this.factory = factory;
    }

    private static int i(Map<String, Double> p, String name) {
        return (int) (double) p.get(name);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The defaults overlaid with the given values, sorted by name. */
    public SortedMap<String, Double> withDefaults(Map<String, ? extends Number> given) {
        SortedMap<String, Double> merged = new TreeMap<>();
        parameters.forEach(p -> merged.put(p.name(), p.defaultValue()));
        if (given != null) {
            given.forEach((name, value) -> merged.put(name, value == null ? null : value.doubleValue()));
        }
        return merged;
    }

    /** Every reason the complete parameter set is not acceptable; empty when it is. */
    public List<String> violations(Map<String, Double> values) {
        List<String> problems = new ArrayList<>();
        for (Parameter p : parameters) {
            Double value = values.get(p.name());
            String problem = value == null ? p.name() + " is required" : p.check(value);
            if (problem != null) {
                problems.add(problem);
            }
        }
        values.keySet().stream().filter(name -> parameters.stream().noneMatch(p -> p.name().equals(name)))
                .sorted().forEach(name -> problems.add(name + " is not a parameter of " + name()));
        if (problems.isEmpty()) {
            lessThan(values, "fast", "slow", problems);
            lessThan(values, "oversold", "overbought", problems);
        }
        return problems;
    }

    private static void lessThan(Map<String, Double> values, String smaller, String larger, List<String> problems) {
        if (values.containsKey(smaller) && values.containsKey(larger)
                && !(values.get(smaller) < values.get(larger))) {
            problems.add(smaller + " must be less than " + larger);
        }
    }

    /** Builds the strategy from the given parameters (defaults for the missing ones). */
    public SignalStrategy create(Map<String, ? extends Number> given) {
        SortedMap<String, Double> values = withDefaults(given);
        List<String> problems = violations(values);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name() + ": " + String.join("; ", problems));
        }
        return factory.apply(values);
    }
}
