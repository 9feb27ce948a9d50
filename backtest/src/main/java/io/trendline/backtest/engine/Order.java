package io.trendline.backtest.engine;

/**
 * An order a strategy places at a bar's close. Market orders fill per {@link Fill}; limit and stop orders rest from
 * the next bar on, for {@code validBars} bars (0 = until filled or cancelled). Entries are sized by the
 * configuration's {@link Sizing}; an entry against an open position reverses it; an order that no longer applies
 * when it triggers (an exit with no position, an entry in a direction already held) is dropped.
 */
public record Order(Intent intent, Type type, double price, int validBars) {

    public enum Intent {
        ENTER_LONG(Signals.ENTER_LONG), EXIT_LONG(Signals.EXIT_LONG), ENTER_SHORT(Signals.ENTER_SHORT),
        EXIT_SHORT(Signals.EXIT_SHORT);

        final int flag;

        Intent(int flag) {
            this.flag = flag;
        }

        boolean buys() {
            return this == ENTER_LONG || this == EXIT_SHORT;
        }
    }

    public enum Type { MARKET, LIMIT, STOP }

    public Order {
        if (intent == null || type == null) {
            throw new IllegalArgumentException("an order needs an intent and a type");
        }
        if (type != Type.MARKET && (!(price > 0) || !Double.isFinite(price))) {
            throw new IllegalArgumentException(type + " orders need a positive price, was " + price);
        }
        if (validBars < 0) {
            throw new IllegalArgumentException("validBars must be >= 0, was " + validBars);
        }
    }

    public static Order market(Intent intent) {
        return new Order(intent, Type.MARKET, Double.NaN, 0);
    }

    public static Order limit(Intent intent, double price) {
        return new Order(intent, Type.LIMIT, price, 0);
    }

    public static Order stop(Intent intent, double price) {
        return new Order(intent, Type.STOP, price, 0);
    }

    public Order validFor(int bars) {
        return new Order(intent, type, price, bars);
    }
}
