package io.trendline.api.backtest;

import io.trendline.api.strategy.BacktestDigests;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a verification: {@code reproduced} when every digest matches; otherwise {@code differences} names
 * the digests that differ (spec, bars, trades, equity, engineVersion, input, output), which says what changed.
 */
public record BacktestVerification(String backtestId, boolean reproduced, List<String> differences,
                                   BacktestDigests recorded, BacktestDigests recomputed, Instant verifiedAt) {
}
