package io.trendline.api.backtest;

import java.util.List;

/** Runs, newest first for a strategy, in the asked order for a comparison. */
public record BacktestRunList(List<BacktestRunView> runs) {
}
