/**
 * Publishing candles to Kafka: closed 1-minute candles and live updates as {@link io.trendline.api.market.Kline}
 * JSON keyed by symbol, and unreadable input to the dead-letter topic with its reason.
 */
package io.trendline.ingestion.publish;
