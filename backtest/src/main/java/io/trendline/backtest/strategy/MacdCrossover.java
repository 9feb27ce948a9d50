package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;
import io.trendline.backtest.indicator.Cross;
import io.trendline.backtest.indicator.Macd;

/** Long when the MACD line crosses above its signal line, out (or short) when it crosses below. */
public final class MacdCrossover implements SignalStrategy {

    private final int fast;
    private final int slow;
    private final int signal;

    public MacdCrossover(int fast, int slow, int signal) {
        if (fast < 1 || fast >= slow || signal < 1) {
            throw new IllegalArgumentException("need 1 <= fast < slow and signal >= 1");
        }
        this.fast = fast;
        this.slow = slow;
        this.signal = signal;
    }

    /** The slow EMA needs {@code slow} bars, then the signal EMA {@code signal} more. */
    @Override
    public int warmupBars() {
        return slow + signal - 1;
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
        private final Macd macd = new Macd(fast, slow, signal);
        private final Cross cross = new Cross();
        private final int warmup = warmupBars();
        private int index;

        @Override
        public int next(long openTime, double open, double high, double low, double close, double volume) {
            return next(close);
        }

        int next(double close) {
            macd.update(close);
            int i = index++;
            int crossed = i >= warmup - 1 ? cross.update(macd.line(), macd.signal()) : 0;
            return i >= warmup ? SmaCrossover.signalOf(crossed) : Signals.NONE;
        }
    }
}
