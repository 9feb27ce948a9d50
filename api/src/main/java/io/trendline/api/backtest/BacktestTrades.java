package io.trendline.api.backtest;

import java.util.List;

/** A run's closed trades in the order they were opened. */
public record BacktestTrades(String backtestId, List<BacktestTrade> trades) {
}
