package io.trendline.api.market;

import java.util.List;

/**
 * What an import stored.
 *
 * @param rows           candles read and stored (a minute already present is replaced by itself)
 * @param rejected       lines that were not a valid 1-minute candle and were skipped
 * @param rejections     the first few rejected lines with their reasons
 * @param firstOpenTime  earliest candle stored (epoch ms), null when none
 * @param lastOpenTime   latest candle stored (epoch ms), null when none
 */
public record KlineImportResult(String file, String symbol, long rows, long rejected, List<String> rejections,
                                Long firstOpenTime, Long lastOpenTime, long millis) {
}
