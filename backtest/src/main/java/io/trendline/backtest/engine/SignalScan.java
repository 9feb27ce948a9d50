package io.trendline.backtest.engine;

/** Finds the next non-zero signal. */
final class SignalScan {

    private SignalScan() {
    }

    /** The index of the first non-zero signal at or after {@code from}, or {@code signals.length}. */
    static int next(byte[] signals, int from) {
        int k = from;
        while (k < signals.length && signals[k] == 0) {
            k++;
        }
        return k;
    }
}
