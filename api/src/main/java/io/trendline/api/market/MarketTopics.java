package io.trendline.api.market;

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

    private MarketTopics() {
    }
}
