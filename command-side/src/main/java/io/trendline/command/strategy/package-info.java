/** The {@code Strategy} aggregate: a trader's strategy definition and its backtest requests. */
package io.trendline.command.strategy;
