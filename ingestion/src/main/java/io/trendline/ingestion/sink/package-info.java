/**
 * The Kafka to ClickHouse sink for closed 1-minute candles ({@code marketdata.kline.1m}): batches of records become
 * one Native insert each, offsets are committed only after the insert (at-least-once; the table makes replays
 * harmless), and a record that cannot be read goes to {@code marketdata.kline.1m.dlt} with its reason.
 */
package io.trendline.ingestion.sink;
