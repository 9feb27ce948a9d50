package io.trendline.backtest.optimize;

import java.util.ArrayList;
import java.util.List;

/** The values one parameter takes in a search, in order. */
public record ParameterRange(String name, List<Double> values) {

    public ParameterRange {
        if (name == null || values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a range needs a name and at least one value");
        }
        values = List.copyOf(values);
    }

    /** {@code from}, {@code from + step}, ... up to {@code to} inclusive. */
    public static ParameterRange ints(String name, int from, int to, int step) {
        if (step <= 0 || to < from) {
            throw new IllegalArgumentException(name + ": need from <= to and a positive step");
        }
        List<Double> values = new ArrayList<>();
        for (long v = from; v <= to; v += step) {
            values.add((double) v);
        }
        return new ParameterRange(name, values);
    }

    /** {@code from + k * step} for k = 0, 1, ... while not above {@code to} (with a little slack for rounding). */
    public static ParameterRange doubles(String name, double from, double to, double step) {
        if (!(step > 0) || to < from) {
            throw new IllegalArgumentException(name + ": need from <= to and a positive step");
        }
        List<Double> values = new ArrayList<>();
        for (long k = 0; from + k * step <= to + step * 1e-9; k++) {
            values.add(from + k * step);
        }
        return new ParameterRange(name, values);
    }

    public static ParameterRange of(String name, double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return new ParameterRange(name, list);
    }
}
