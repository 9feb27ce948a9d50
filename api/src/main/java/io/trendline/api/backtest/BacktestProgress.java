package io.trendline.api.backtest;

/**
 * How far a run has come: {@code stage} is LOADING_BARS, RUNNING, STORING, COMPLETED or FAILED; {@code fraction}
 * in [0, 1]; {@code message} says what happens (bars read, the failure's reason).
 */
public record BacktestProgress(String backtestId, String stage, double fraction, String message) {

    public boolean finished() {
        return "COMPLETED".equals(stage) || "FAILED".equals(stage);
    }
}
