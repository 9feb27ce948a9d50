/** The engine against ta4j 0.17 under the same rules, trade by trade. */
package io.trendline.backtest.parity;
