package io.trendline.api.market;

/** The latest price of a symbol and its statistics over the 24 hours before it; answered with a MarketSummary. */
public record FetchMarketSummaryQuery(String symbol) {
}
