/**
 * The bar loop: bars in columns, orders, fills, the account and its trades. Two loops share one {@link
 * io.trendline.backtest.engine.Account}: {@link io.trendline.backtest.engine.BarByBarEngine} calls a {@link
 * io.trendline.backtest.engine.Strategy} once per closed bar and takes any order; {@link
 * io.trendline.backtest.engine.ColumnarEngine} replays a precomputed signal column for strategies that only trade at
 * market, without allocating per bar. For the same signals both give bit-identical trades and equity.
 */
package io.trendline.backtest.engine;
