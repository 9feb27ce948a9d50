/**
 * The strategies a trader can pick, as {@link io.trendline.backtest.engine.SignalStrategy signal strategies}, and
 * {@link io.trendline.backtest.strategy.StrategyKind}, the catalogue that builds them from a type name and
 * parameters. The catalogue mirrors {@code io.trendline.api.strategy.StrategyType} (names, parameters, bounds,
 * defaults) rather than depending on the api module, which would bring Axon onto the engine's class path; a test
 * holds the two together. Every strategy gives no signal before its indicators are warm ({@code warmupBars}).
 */
package io.trendline.backtest.strategy;
