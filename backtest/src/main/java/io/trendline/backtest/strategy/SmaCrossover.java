package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;
import io.trendline.backtest.indicator.Cross;
import io.trendline.backtest.indicator.RollingSum;
import io.trendline.backtest.indicator.Sma;

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
     * column, in the same order and with the same compensated additions as {@link Sma}, so the values agree bit for
     * bit.
     */
    @Override
    public void signals(BarSeries bars, byte[] out) {
        int n = bars.size();
        RollingSum fastSum = new RollingSum();
        RollingSum slowSum = new RollingSum();
        Cross cross = new Cross();
        int warm = Math.min(n, slow);
        for (int i = 0; i < warm; i++) {
            double x = bars.close(i);
            fastSum.add(x - (i >= fast ? bars.close(i - fast) : 0.0));
            slowSum.add(x - 0.0);
            if (i == slow - 1) {
                cross.update(fastSum.value() * slow, slowSum.value() * fast);
            }
            out[i] = Signals.NONE;
        }
        for (int i = warm; i < n; i++) {
            double x = bars.close(i);
            fastSum.add(x - bars.close(i - fast));
            slowSum.add(x - bars.close(i - slow));
            out[i] = (byte) signalOf(cross.update(fastSum.value() * slow, slowSum.value() * fast));
        }
    }

    static int signalOf(int crossed) {
        return crossed > 0 ? Signals.UP : crossed < 0 ? Signals.DOWN : Signals.NONE;
    }
}
