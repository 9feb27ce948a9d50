/**
 * Backtests over REST: request a run of a strategy, follow its progress (server-sent events), read its summary,
 * trades (JSON or CSV) and curves, compare runs, and verify a run by re-running it from its events. Plan limits
 * (history length, runs a day) are checked here, at the edge, where the caller's entitlements are known.
 */
package io.trendline.web.backtest;
