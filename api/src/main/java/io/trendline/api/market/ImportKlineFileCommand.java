package io.trendline.api.market;

/**
 * Import 1-minute candles from a file the ingestion service can read: a Binance data dump (12 columns, no header,
 * millisecond or microsecond times) or a 7-column {@code open_time,open,high,low,close,volume,close_time} CSV, plain
 * or gzip. Importing the same file again changes nothing. Answered with a {@link KlineImportResult}.
 *
 * @param path   the file, relative to the service's import directory (or absolute inside it)
 * @param symbol the symbol, or null to take it from a Binance-style file name such as {@code BTCUSDT-1m-2025-05.csv}
 */
public record ImportKlineFileCommand(String path, String symbol) {
}
