package io.trendline.api.market;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka topics of the market-data context. One keyed topic per stream rather than one per symbol: the key (the
 * symbol) keeps each symbol's order within a partition, and adding a symbol needs no new topic.
 */
public final class MarketTopics {

    /** Closed 1-minute candles, {@link Kline} as JSON, keyed by symbol. */
    public static final String KLINE_1M = "marketdata.kline.1m";
    /** Updates of the candle in progress, for live charts; same format. */
    public static final String KLINE_LIVE = "marketdata.kline.live";
    /** Records that could not be read or stored, with the reason in the headers. */
    public static final String KLINE_DEAD_LETTER = "marketdata.kline.1m.dlt";
    /** Price moves beyond the alert threshold. */
    public static final String ALERTS = "alerts";
    /**
     * On a closed candle: the source's clock (epoch ms, as text) when the collector published it, so a consumer can
     * tell a candle that just closed from history being backfilled. Absent on records of other producers.
     */
    public static final String SOURCE_TIME_HEADER = "trendline-source-time";
    /** How long after its close a candle still counts as news rather than history. */
    public static final long LIVE_WINDOW_MILLIS = 120_000;

    private MarketTopics() {
    }

    /**
     * Whether a closed candle was already history when the collector published it: its
     * {@link #SOURCE_TIME_HEADER} (the header's bytes, or null when absent) more than {@link #LIVE_WINDOW_MILLIS}
     * past its close. Unstamped or unreadable means news.
     */
    public static boolean wasHistoryWhenPublished(byte[] sourceTimeHeader, long closeTime) {
        if (sourceTimeHeader == null) {
            return false;
        }
        try {
            long publishedAt = Long.parseLong(new String(sourceTimeHeader, StandardCharsets.US_ASCII));
            return publishedAt - (closeTime + 1) > LIVE_WINDOW_MILLIS;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
