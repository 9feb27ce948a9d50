/**
 * Incremental indicators as small composable classes: each takes one value per closed bar and answers its current
 * value, never looking at a later bar. Definitions follow ta4j 0.17 (partial windows average what they have, EMAs
 * start from the first value, RSI smooths with Wilder's moving average, standard deviation is the population one),
 * and the tests hold them to ta4j's values within 1e-9. Window sums are rebuilt from the window on a fixed schedule
 * ({@link io.trendline.backtest.indicator.WindowSum}), so a million updates do not drift. Only +, -, *, / and sqrt
 * are used, which Java rounds exactly on every platform, so values are bit-for-bit the same on every JVM.
 */
package io.trendline.backtest.indicator;
