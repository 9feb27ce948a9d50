package io.trendline.backtest.strategy;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.SignalStrategy;
import io.trendline.backtest.engine.Signals;

/**
 * The benchmark: asks to be long on every bar, so it enters on the first bar it may trade and stays in (an entry
 * while already long does nothing).
 */
public final class BuyAndHold implements SignalStrategy {

    @Override
    public int warmupBars() {
        return 0;
    }

    @Override
    public Generator generator() {
        return (openTime, open, high, low, close, volume) -> Signals.ENTER_LONG;
    }

    @Override
    public void signals(BarSeries bars, Sink sink) {
        for (int i = 0; i < bars.size(); i++) {
            sink.accept(i, Signals.ENTER_LONG);
        }
    }
}
