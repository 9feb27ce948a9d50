package io.trendline.backtest.optimize;

/** Told after each backtest of a search; called from worker threads, so it must be thread-safe and quick. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    void onProgress(int done, int total);
}
