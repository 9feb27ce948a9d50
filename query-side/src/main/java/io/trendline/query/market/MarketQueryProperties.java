package io.trendline.query.market;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the market queries ({@code trendline.market.query.*}), so no request scans without limit.
 *
 * @param maxLimit     most bars in one page
 * @param maxRangeBars most bars a requested range may span (it is read a page at a time)
 * @param maxGaps      most gaps listed in one report
 */
@ConfigurationProperties("trendline.market.query")
record MarketQueryProperties(Integer maxLimit, Long maxRangeBars, Integer maxGaps) {

    MarketQueryProperties {
        maxLimit = maxLimit == null ? 10_000 : maxLimit;
        maxRangeBars = maxRangeBars == null ? 1_000_000L : maxRangeBars;
        maxGaps = maxGaps == null ? 1_000 : maxGaps;
    }
}
