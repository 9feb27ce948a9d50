/**
 * Queries over the price history in ClickHouse ({@code klines_1m}): candles at any interval aggregated from 1-minute
 * candles at query time, the latest price with 24-hour statistics, and a gaps report.
 */
package io.trendline.query.market;
