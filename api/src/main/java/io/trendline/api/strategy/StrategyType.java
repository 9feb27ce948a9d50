package io.trendline.api.strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The kinds of strategy a trader can define, each with the parameters it takes and the rules they obey. */
public enum StrategyType {

    SMA_CROSSOVER(List.of(ParameterSpec.integer("fast", 1, 1000, 10), ParameterSpec.integer("slow", 2, 5000, 50)),
            p -> lessThan(p, "fast", "slow")),
    EMA_CROSSOVER(List.of(ParameterSpec.integer("fast", 1, 1000, 12), ParameterSpec.integer("slow", 2, 5000, 26)),
            p -> lessThan(p, "fast", "slow")),
    RSI_MEAN_REVERSION(List.of(ParameterSpec.integer("period", 2, 500, 14),
            ParameterSpec.decimal("oversold", "1", "50", "30"), ParameterSpec.decimal("overbought", "50", "99", "70")),
            p -> lessThan(p, "oversold", "overbought")),
    BOLLINGER_BREAKOUT(List.of(ParameterSpec.integer("period", 2, 1000, 20),
            ParameterSpec.decimal("stdDevs", "0.5", "5", "2")), p -> List.of()),
    MACD(List.of(ParameterSpec.integer("fast", 1, 500, 12), ParameterSpec.integer("slow", 2, 1000, 26),
            ParameterSpec.integer("signal", 1, 500, 9)), p -> lessThan(p, "fast", "slow")),
    BUY_AND_HOLD(List.of(), p -> List.of());

    private final List<ParameterSpec> parameters;
    private final Function<Map<String, BigDecimal>, List<String>> crossRules;

    StrategyType(List<ParameterSpec> parameters, Function<Map<String, BigDecimal>, List<String>> crossRules) {
        this.parameters = parameters;
        this.crossRules = crossRules;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The defaults, overlaid with the given values; the result is sorted so it serializes the same way every time. */
    public Map<String, BigDecimal> withDefaults(Map<String, BigDecimal> given) {
        Map<String, BigDecimal> merged = new TreeMap<>();
        parameters.forEach(spec -> merged.put(spec.name(), spec.defaultValue()));
        if (given != null) {
            merged.putAll(given);
        }
        return merged;
    }

    /** Every reason the complete parameter set is not acceptable for this type; empty when it is. */
    public List<String> violations(Map<String, BigDecimal> values) {
        List<String> problems = new ArrayList<>();
        Set<String> known = new java.util.HashSet<>();
        for (ParameterSpec spec : parameters) {
            known.add(spec.name());
            BigDecimal value = values.get(spec.name());
            if (value == null) {
                problems.add(spec.name() + " is required");
            } else {
                spec.check(value).ifPresent(problems::add);
            }
        }
        values.keySet().stream().filter(name -> !known.contains(name)).sorted()
                .forEach(name -> problems.add(name + " is not a parameter of " + name()));
        if (problems.isEmpty()) {
            problems.addAll(crossRules.apply(values));
        }
        return problems;
    }

    private static List<String> lessThan(Map<String, BigDecimal> p, String smaller, String larger) {
        return p.get(smaller).compareTo(p.get(larger)) < 0
                ? List.of()
                : List.of(smaller + " must be less than " + larger);
    }
}
