package io.trendline.api.market;

import java.util.List;

/**
 * The minutes missing from a symbol's 1-minute history in a range.
 *
 * @param expected  minutes in the range
 * @param present   minutes stored
 * @param gaps      the missing runs, oldest first (at most a page of them)
 * @param truncated true when there are more gaps than listed
 */
public record CandleGaps(String symbol, long from, long to, long expected, long present, List<Gap> gaps,
                         boolean truncated) {

    /** Minutes {@code from} (inclusive) to {@code to} (exclusive) are missing; {@code minutes} of them. */
    public record Gap(long from, long to, long minutes) {
    }
}
