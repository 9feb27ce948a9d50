package io.trendline.backtest.engine;

/** A trading strategy run bar by bar: after each bar closes, it looks at the bars so far and may place orders. */
@FunctionalInterface
public interface Strategy {

    void onBar(StrategyContext context);
}
