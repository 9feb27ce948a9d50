package io.trendline.backtest.engine;

/**
 * A signal is a set of these flags, decided at a bar's close. They are acted on exits first, then entries, and an
 * entry against an open position reverses it. A signal asking to enter both ways at
 * once enters neither.
 */
public final class Signals {

    public static final int NONE = 0;
    public static final int ENTER_LONG = 1;
    public static final int EXIT_LONG = 2;
    public static final int ENTER_SHORT = 4;
    public static final int EXIT_SHORT = 8;

    /** What a crossover up means: leave a short, go long. */
    public static final int UP = ENTER_LONG | EXIT_SHORT;
    /** What a crossover down means: leave a long, go short. */
    public static final int DOWN = EXIT_LONG | ENTER_SHORT;

    /** The order flags are acted on in. */
    static final int[] ACTION_ORDER = {EXIT_LONG, EXIT_SHORT, ENTER_LONG, ENTER_SHORT};

    private Signals() {
    }

    static int normalize(int signal) {
        return (signal & (ENTER_LONG | ENTER_SHORT)) == (ENTER_LONG | ENTER_SHORT)
                ? signal & ~(ENTER_LONG | ENTER_SHORT)
                : signal;
    }
}
