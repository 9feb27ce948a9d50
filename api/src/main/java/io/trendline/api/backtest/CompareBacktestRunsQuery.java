package io.trendline.api.backtest;

import java.util.List;

/** Several runs side by side, in the given order; unknown ids are left out. Answered with a {@link BacktestRunList}. */
public record CompareBacktestRunsQuery(List<String> backtestIds) {
}
