package io.trendline.ingestion.publish;

import io.trendline.api.market.MarketTopics;

/** The topics a {@link KlinePublisher} writes to; tests give each run its own. */
public record KlineTopics(String closed, String live, String deadLetter) {

    public static final KlineTopics DEFAULT = new KlineTopics(MarketTopics.KLINE_1M, MarketTopics.KLINE_LIVE,
            MarketTopics.KLINE_DEAD_LETTER);

    /** Topics named {@code <prefix>.<default name>}. */
    public static KlineTopics prefixed(String prefix) {
        return new KlineTopics(prefix + "." + DEFAULT.closed, prefix + "." + DEFAULT.live,
                prefix + "." + DEFAULT.deadLetter);
    }
}
