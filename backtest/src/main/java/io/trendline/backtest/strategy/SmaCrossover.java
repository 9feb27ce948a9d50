package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;
import io.trendline.backtest.indicator.Cross;
import io.trendline.backtest.indicator.Sma;
import io.trendline.backtest.indicator.WindowSum;
import java.util.function.IntToDoubleFunction;

/**
 * Long when the fast simple moving average of the close crosses above the slow one, out (or short) when it crosses
 * below. The averages are compared as {@code fastSum * slow} against {@code slowSum * fast}, the same order as
 * comparing the averages but without two divisions a bar.
 */
public final class SmaCrossover implements SignalStrategy {

    private final int fast;
    private final int slow;

    public SmaCrossover(int fast, int slow) {
        if (fast < 1 || fast >= slow) {
            throw new IllegalArgumentException("need 1 <= fast < slow, were " + fast + " and " + slow);
        }
        this.fast = fast;
        this.slow = slow;
    }

    @Override
    public int warmupBars() {
        return slow;
    }

    @Override
    public Generator generator() {
        Sma fastSma = new Sma(fast);
        Sma slowSma = new Sma(slow);
        Cross cross = new Cross();
        return new Generator() {
            private int index;

            @Override
            public int next(long openTime, double open, double high, double low, double close, double volume) {
                fastSma.update(close);
                slowSma.update(close);
                int i = index++;
                int crossed = i >= slow - 1 ? cross.update(fastSma.sum() * slow, slowSma.sum() * fast) : 0;
                return i >= slow ? signalOf(crossed) : Signals.NONE;
            }
        };
    }

    /**
     * The fast path: the window sums take the new close and give back the one leaving, read straight from the
     * column, and are rebuilt on {@link WindowSum}'s schedule, in the same order and with the same additions as
     * {@link Sma}, so the values agree bit for bit.
     */
    @Override
    public void signals(BarSeries bars, Sink sink) {
        int n = bars.size();
        IntToDoubleFunction close = bars::close;
        double fastSum = 0;
        double slowSum = 0;
        Cross cross = new Cross();
        int warm = Math.min(n, slow);
        for (int i = 0; i < warm; i++) {
            double x = bars.close(i);
            fastSum += x - (i >= fast ? bars.close(i - fast) : 0.0);
            slowSum += x - 0.0;
            if (WindowSum.resumAfter(i + 1)) {
                fastSum = WindowSum.sum(close, Math.max(0, i + 1 - fast), i + 1);
                slowSum = WindowSum.sum(close, 0, i + 1);
            }
            if (i == slow - 1) {
                cross.update(fastSum * slow, slowSum * fast);
            }
        }
        for (int i = warm; i < n; i++) {
            double x = bars.close(i);
            fastSum += x - bars.close(i - fast);
            slowSum += x - bars.close(i - slow);
            if (WindowSum.resumAfter(i + 1)) {
                fastSum = WindowSum.sum(close, i + 1 - fast, i + 1);
                slowSum = WindowSum.sum(close, i + 1 - slow, i + 1);
            }
            int crossed = cross.update(fastSum * slow, slowSum * fast);
            if (crossed != 0) {
                sink.accept(i, signalOf(crossed));
            }
        }
    }

    static int signalOf(int crossed) {
        return crossed > 0 ? Signals.UP : crossed < 0 ? Signals.DOWN : Signals.NONE;
    }
}
