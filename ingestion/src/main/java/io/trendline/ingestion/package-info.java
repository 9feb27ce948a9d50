/** Ingestion: Binance market data, file imports and news, published to Kafka. */
package io.trendline.ingestion;
