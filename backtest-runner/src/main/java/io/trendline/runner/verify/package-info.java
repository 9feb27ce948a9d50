/** Re-running a completed backtest from its events and comparing digests. */
package io.trendline.runner.verify;
