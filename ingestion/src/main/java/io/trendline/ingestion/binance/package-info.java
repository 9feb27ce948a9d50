/**
 * The Binance collector: REST backfill ({@link io.trendline.ingestion.binance.BinanceRestClient}), the live kline
 * stream ({@link io.trendline.ingestion.binance.BinanceStream}), and per symbol a feed that publishes every closed
 * minute exactly once, in order, repairing gaps over REST
 * ({@link io.trendline.ingestion.binance.SymbolFeed}). Where to resume comes from
 * {@link io.trendline.ingestion.binance.LastCandleStore}.
 */
package io.trendline.ingestion.binance;
