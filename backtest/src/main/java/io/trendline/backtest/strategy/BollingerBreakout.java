package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;
import io.trendline.backtest.indicator.BollingerBands;
import io.trendline.backtest.indicator.Cross;

/**
 * Trades breakouts: long when the close crosses above the upper band, out when it falls back through the middle;
 * short when it crosses below the lower band, out when it rises back through the middle.
 */
public final class BollingerBreakout implements SignalStrategy {

    private final int period;
    private final double stdDevs;

    public BollingerBreakout(int period, double stdDevs) {
        if (period < 2 || !(stdDevs > 0)) {
            throw new IllegalArgumentException("need period >= 2 and stdDevs > 0");
        }
        this.period = period;
        this.stdDevs = stdDevs;
    }

    @Override
    public int warmupBars() {
        return period;
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
        private final BollingerBands bands = new BollingerBands(period, stdDevs);
        private final Cross upper = new Cross();
        private final Cross middle = new Cross();
        private final Cross lower = new Cross();
        private int index;

        @Override
        public int next(long openTime, double open, double high, double low, double close, double volume) {
            return next(close);
        }

        int next(double close) {
            bands.update(close);
            int i = index++;
            if (i < period - 1) {
                return Signals.NONE;
            }
            int throughUpper = upper.update(close, bands.upper());
            int throughMiddle = middle.update(close, bands.middle());
            int throughLower = lower.update(close, bands.lower());
            if (i < period) {
                return Signals.NONE;
            }
            return (throughUpper == Cross.UP ? Signals.ENTER_LONG : 0)
                    | (throughMiddle == Cross.DOWN ? Signals.EXIT_LONG : 0)
                    | (throughLower == Cross.DOWN ? Signals.ENTER_SHORT : 0)
                    | (throughMiddle == Cross.UP ? Signals.EXIT_SHORT : 0);
        }
    }
}
