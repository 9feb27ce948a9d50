package io.trendline.api.backtest;

/**
 * Re-runs a completed backtest from its strategy's events (the request as recorded, the bars as stored now, this
 * engine) and compares every digest with the recorded ones. Answered with a {@link BacktestVerification}.
 */
public record VerifyBacktestQuery(String strategyId, String backtestId) {
}
