/**
 * Writing 1-minute candles into ClickHouse's {@code klines_1m}: validated rows ({@link
 * io.trendline.ingestion.store.KlineRow}), exact decimal parsing, and bulk inserts in ClickHouse's Native format,
 * shared by the Kafka sink and the file import.
 */
package io.trendline.ingestion.store;
