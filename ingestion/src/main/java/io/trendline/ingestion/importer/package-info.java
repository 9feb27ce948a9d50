/**
 * Import of 1-minute candle history from files (Binance data dumps, the 7-column kline CSV, plain or gzip) into
 * ClickHouse, from the command line ({@link io.trendline.ingestion.importer.ImportKlinesCli}) or as the
 * {@link io.trendline.api.market.ImportKlineFileCommand}.
 */
package io.trendline.ingestion.importer;
