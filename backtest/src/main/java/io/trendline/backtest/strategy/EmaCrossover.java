package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;
import io.trendline.backtest.indicator.Cross;
import io.trendline.backtest.indicator.Ema;

/** Long when the fast EMA of the close crosses above the slow one, out (or short) when it crosses below. */
public final class EmaCrossover implements SignalStrategy {

    private final int fast;
    private final int slow;

    public EmaCrossover(int fast, int slow) {
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
        return new Gen();
    }

    @Override
    public void signals(BarSeries bars, Sink sink) {
        Gen generator = new Gen();
        for (int i = 0; i < bars.size(); i++) {
            int signal = generator.next(bars.close(i));
            if (signal != Signals.NONE) {
                sink.accept(i, signal);
            }
        }
    }

    private final class Gen implements Generator {
        private final Ema fastEma = new Ema(fast);
        private final Ema slowEma = new Ema(slow);
        private final Cross cross = new Cross();
        private int index;

        @Override
        public int next(long openTime, double open, double high, double low, double close, double volume) {
            return next(close);
        }

        int next(double close) {
            double f = fastEma.update(close);
            double s = slowEma.update(close);
            int i = index++;
            int crossed = i >= slow - 1 ? cross.update(f, s) : 0;
            return i >= slow ? SmaCrossover.signalOf(crossed) : Signals.NONE;
        }
    }
}
