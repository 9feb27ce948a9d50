package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;
import io.trendline.backtest.indicator.Cross;
import io.trendline.backtest.indicator.Rsi;

/**
 * Buys the dip: long when the RSI falls through {@code oversold}, out (or short) when it rises through
 * {@code overbought}.
 */
public final class RsiMeanReversion implements SignalStrategy {

    private final int period;
    private final double oversold;
    private final double overbought;

    public RsiMeanReversion(int period, double oversold, double overbought) {
        if (period < 2 || !(oversold < overbought)) {
            throw new IllegalArgumentException("need period >= 2 and oversold < overbought");
        }
        this.period = period;
        this.oversold = oversold;
        this.overbought = overbought;
    }

    /** The RSI is warm once it has seen {@code period} changes, i.e. {@code period + 1} closes. */
    @Override
    public int warmupBars() {
        return period + 1;
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
        private final Rsi rsi = new Rsi(period);
        private final Cross low = new Cross();
        private final Cross high = new Cross();
        private final int warmup = warmupBars();
        private int index;

        @Override
        public int next(long openTime, double open, double high, double low, double close, double volume) {
            return next(close);
        }

        int next(double close) {
            double value = rsi.update(close);
            int i = index++;
            if (i < warmup - 1) {
                return Signals.NONE;
            }
            boolean fellThrough = low.update(value, oversold) == Cross.DOWN;
            boolean roseThrough = high.update(value, overbought) == Cross.UP;
            if (i < warmup) {
                return Signals.NONE;
            }
            return (fellThrough ? Signals.UP : 0) | (roseThrough ? Signals.DOWN : 0);
        }
    }
}
