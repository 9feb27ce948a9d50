package io.trendline.backtest.strategy;

/** One parameter of a strategy kind: inclusive bounds, whether it must be whole, and its default. */
public record Parameter(String name, double min, double max, boolean integer, double defaultValue) {

    static Parameter integer(String name, long min, long max, long defaultValue) {
        return new Parameter(name, min, max, true, defaultValue);
    }

    static Parameter decimal(String name, double min, double max, double defaultValue) {
        return new Parameter(name, min, max, false, defaultValue);
    }

    String check(double value) {
        if (!Double.isFinite(value)) {
            return name + " must be a finite number, was " + value;
        }
        if (integer && value != Math.rint(value)) {
            return name + " must be a whole number, was " + value;
        }
        if (value < min || value > max) {
            return name + " must be between " + format(min) + " and " + format(max) + ", was " + format(value);
        }
        return null;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
